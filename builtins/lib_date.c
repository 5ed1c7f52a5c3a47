/* builtins/lib_date.c: Date (ECMA-262 21.4): time values and their calendar arithmetic, local
 * time, the constructor, Date.now/parse/UTC and Date.prototype, with V8's output formats.
 *
 * Time values are doubles (milliseconds since the epoch, see lib_date.h). The calendar
 * (Day, YearFromTime, MonthFromTime ...) is computed on 64-bit integers with floor division
 * by the days-from-civil method: a proleptic Gregorian calendar counted in 400-year eras of
 * 146097 days, with years starting on March 1 so that the leap day falls at the end. This is
 * exact for every time value, where floor(t / msPerDay) on doubles is not (near 8.64e15 the
 * quotient's rounding can cross an integer).
 *
 * Local time follows the TZ environment variable through the C library: the offset at an
 * instant is tm_gmtoff of localtime_r (historical offsets included, e.g. LMT before 1883 in
 * America/New_York). Wall clock to instant (UTC(t)) tries the offsets in effect a day either
 * side and keeps the one that maps back, which resolves DST folds and gaps as the spec says.
 *
 * The zone name in toString's parentheses is ICU's English long name, which is what V8
 * prints. Without ICU we map the tzdata abbreviation and offset (tm_zone, tm_gmtoff) to those
 * names for the common zones, look zones whose tzdata abbreviation is numeric ("-03") up by
 * their IANA id (TZ, or the /etc/localtime link), and otherwise print ICU's fallback form
 * "GMT+05:45".
 *
 * toLocale{,Date,Time}String ignore their locales/options arguments and always produce node's
 * default en-US format ("11/23/2026, 10:00:00 AM"): Strata has no Intl.
 */
#include "builtins/lib_date.h"

#include "builtins/lib_array.h"
#include "builtins/lib_object.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define MS_PER_SECOND 1000.0
#define MS_PER_MINUTE 60000.0
#define MS_PER_HOUR 3600000.0
#define MS_PER_DAY 86400000.0
#define MAX_TIME 8.64e15 /* 21.4.1.1: 100,000,000 days either side of the epoch */

static const char *const weekday_names[7] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const month_names[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                            "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* ------------------------------------------------------------------------------------------ */
/* Calendar arithmetic                                                                        */

static int64_t floor_div(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

static int64_t floor_mod(int64_t a, int64_t b) { return a - floor_div(a, b) * b; }

/* Days from 1970-01-01 to year-month-day (month 1..12, day 1..31, may overflow the month). */
static int64_t days_from_civil(int64_t year, int month, int day) {
  int64_t y = month <= 2 ? year - 1 : year; /* the year in the March-based count */
  int64_t era = floor_div(y, 400);
  int64_t yoe = y - era * 400;                                       /* 0..399 */
  int64_t mp = month > 2 ? month - 3 : month + 9;                    /* March = 0 */
  int64_t doy = (153 * mp + 2) / 5 + day - 1;                        /* 0..365 */
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;               /* 0..146096 */
  return era * 146097 + doe - 719468; /* 719468: days from 0000-03-01 to 1970-01-01 */
}

/* The inverse: year, month (1..12) and day of the day number z. */
static void civil_from_days(int64_t z, int64_t *year, int *month, int *day) {
  z += 719468;
  int64_t era = floor_div(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *day = (int)(doy - (153 * mp + 2) / 5 + 1);
  *month = (int)(mp < 10 ? mp + 3 : mp - 9);
  *year = yoe + era * 400 + (*month <= 2);
}

/* A time value (or a local time) taken apart. month is 0..11, weekday 0 (Sunday)..6. */
typedef struct DateFields {
  int64_t year;
  int month, day, weekday, hour, minute, second, ms;
} DateFields;

/* Precondition: t finite and integral (time values and local times are). */
static void split_time(double t, DateFields *f) {
  int64_t ms = (int64_t)t;
  int64_t days = floor_div(ms, 86400000);
  int64_t in_day = ms - days * 86400000;
  int month;
  civil_from_days(days, &f->year, &month, &f->day);
  f->month = month - 1;
  f->weekday = (int)floor_mod(days + 4, 7); /* 1970-01-01 was a Thursday */
  f->hour = (int)(in_day / 3600000);
  f->minute = (int)(in_day / 60000 % 60);
  f->second = (int)(in_day / 1000 % 60);
  f->ms = (int)(in_day % 1000);
}

/* MakeDay (21.4.1.28). Years beyond +-1,000,000 (or months beyond +-10^7) cannot land in the
 * time-value range through any date argument that still has an exact double sum, so they
 * give NaN (as in V8) instead of an overflowing day count. */
double st_lib_date_make_day(double year, double month, double date) {
  if (!isfinite(year) || !isfinite(month) || !isfinite(date)) return NAN;
  double y = trunc(year), m = trunc(month), dt = trunc(date);
  if (fabs(y) > 1e6 || fabs(m) > 1e7) return NAN;
  double ym = y + floor(m / 12);
  int mn = (int)(m - floor(m / 12) * 12);
  double day = (double)days_from_civil((int64_t)ym, mn + 1, 1);
  return day + dt - 1;
}

/* MakeTime (21.4.1.27): IEEE double arithmetic in the spec's order (test262 checks it). */
double st_lib_date_make_time(double hour, double min, double sec, double ms) {
  if (!isfinite(hour) || !isfinite(min) || !isfinite(sec) || !isfinite(ms)) return NAN;
  return ((trunc(hour) * MS_PER_HOUR + trunc(min) * MS_PER_MINUTE) + trunc(sec) * MS_PER_SECOND) +
         trunc(ms);
}

/* MakeDate (21.4.1.29). */
double st_lib_date_make_date(double day, double time) {
  if (!isfinite(day) || !isfinite(time)) return NAN;
  double tv = day * MS_PER_DAY + time;
  return isfinite(tv) ? tv : NAN;
}

/* TimeClip (21.4.1.31): + 0.0 turns -0 into +0. */
double st_lib_date_time_clip(double t) {
  if (!isfinite(t) || fabs(t) > MAX_TIME) return NAN;
  return trunc(t) + 0.0;
}

/* MakeFullYear (21.4.1.30): years 0..99 mean 1900..1999. */
static double make_full_year(double y) {
  if (y != y) return NAN;
  double ti = trunc(y);
  return (ti >= 0 && ti <= 99) ? 1900 + ti : y;
}

/* ------------------------------------------------------------------------------------------ */
/* Local time                                                                                 */

/* What localtime_r says about the instant t (ms, finite). */
typedef struct LocalInfo {
  double offset; /* ms to add to UTC to get the wall clock */
  bool is_dst;
  char abbr[16]; /* tm_zone ("EST", "CEST", "-03") */
} LocalInfo;

static void local_info(double t, LocalInfo *li) {
  time_t secs = (time_t)floor_div((int64_t)t, 1000);
  struct tm tm;
  li->offset = 0;
  li->is_dst = false;
  li->abbr[0] = 0;
  if (!localtime_r(&secs, &tm)) return; /* beyond struct tm's range: treat as UTC */
  li->offset = (double)tm.tm_gmtoff * MS_PER_SECOND;
  li->is_dst = tm.tm_isdst > 0;
  if (tm.tm_zone) snprintf(li->abbr, sizeof li->abbr, "%s", tm.tm_zone);
}

static double offset_at(double t) {
  LocalInfo li;
  local_info(t, &li);
  return li.offset;
}

/* LocalTime(t) (21.4.1.25). */
static double local_time(double t) { return t + offset_at(t); }

double st_lib_date_utc(double local) {
  if (!isfinite(local)) return NAN;
  /* Offsets are within a day of zero, so the instant lies within a day of `local` read as
   * UTC; the offsets in effect a day before and after bracket any transition near it. */
  double before = offset_at(local - MS_PER_DAY);
  double after = offset_at(local + MS_PER_DAY);
  if (before == after) {
    double u = local - before;
    if (offset_at(u) == before) return u;
    after = offset_at(u); /* two transitions close together: try the one in effect at u */
  }
  bool before_ok = offset_at(local - before) == before;
  bool after_ok = offset_at(local - after) == after;
  if (before_ok && after_ok) return fmin(local - before, local - after); /* fold: earlier */
  if (after_ok) return local - after;
  return local - before; /* valid, or in a gap: the offset before the transition */
}

/* Minutes from local time to UTC at t. Local mean time offsets (before the zone adopted
 * standard time) have seconds: getTimezoneOffset returns the fraction, as the spec says
 * (V8 truncates it), and toString prints the truncated minutes, as V8 does. */
static double tz_offset_minutes(double t) { return (t - local_time(t)) / MS_PER_MINUTE; }

/* ICU's English long names of the zones people use (what V8 prints), by the tzdata
 * abbreviation and UTC offset in minutes that localtime_r reports. */
static const struct {
  const char *abbr;
  int minutes;
  const char *name;
} zone_abbrs[] = {
    {"UTC", 0, "Coordinated Universal Time"},  {"GMT", 0, "Greenwich Mean Time"},
    {"BST", 60, "British Summer Time"},        {"IST", 60, "Irish Standard Time"},
    {"WET", 0, "Western European Standard Time"},
    {"WEST", 60, "Western European Summer Time"},
    {"CET", 60, "Central European Standard Time"},
    {"CEST", 120, "Central European Summer Time"},
    {"EET", 120, "Eastern European Standard Time"},
    {"EEST", 180, "Eastern European Summer Time"},
    {"MSK", 180, "Moscow Standard Time"},      {"IST", 120, "Israel Standard Time"},
    {"IDT", 180, "Israel Daylight Time"},      {"WAT", 60, "West Africa Time"},
    {"CAT", 120, "Central Africa Time"},       {"EAT", 180, "East Africa Time"},
    {"SAST", 120, "South Africa Standard Time"},
    {"PKT", 300, "Pakistan Standard Time"},    {"IST", 330, "India Standard Time"},
    {"WIB", 420, "Western Indonesia Time"},    {"WITA", 480, "Central Indonesia Time"},
    {"WIT", 540, "Eastern Indonesia Time"},    {"CST", 480, "China Standard Time"},
    {"HKT", 480, "Hong Kong Standard Time"},   {"PST", 480, "Philippine Standard Time"},
    {"AWST", 480, "Australian Western Standard Time"},
    {"JST", 540, "Japan Standard Time"},       {"KST", 540, "Korean Standard Time"},
    {"ACST", 570, "Australian Central Standard Time"},
    {"ACDT", 630, "Australian Central Daylight Time"},
    {"AEST", 600, "Australian Eastern Standard Time"},
    {"AEDT", 660, "Australian Eastern Daylight Time"},
    {"ChST", 600, "Chamorro Standard Time"},   {"NZST", 720, "New Zealand Standard Time"},
    {"NZDT", 780, "New Zealand Daylight Time"},
    {"NST", -210, "Newfoundland Standard Time"},
    {"NDT", -150, "Newfoundland Daylight Time"},
    {"AST", -240, "Atlantic Standard Time"},   {"ADT", -180, "Atlantic Daylight Time"},
    {"EST", -300, "Eastern Standard Time"},    {"EDT", -240, "Eastern Daylight Time"},
    {"CST", -360, "Central Standard Time"},    {"CDT", -300, "Central Daylight Time"},
    {"CST", -300, "Cuba Standard Time"},       {"CDT", -240, "Cuba Daylight Time"},
    {"MST", -420, "Mountain Standard Time"},   {"MDT", -360, "Mountain Daylight Time"},
    {"PST", -480, "Pacific Standard Time"},    {"PDT", -420, "Pacific Daylight Time"},
    {"AKST", -540, "Alaska Standard Time"},    {"AKDT", -480, "Alaska Daylight Time"},
    {"HST", -600, "Hawaii-Aleutian Standard Time"},
    {"HDT", -540, "Hawaii-Aleutian Daylight Time"},
    {"SST", -660, "American Samoa Standard Time"},
};

/* Zones tzdata abbreviates with numbers ("-03"), or ambiguously, by IANA id: their standard
 * and daylight names (NULL: no daylight time) and the ids, separated by spaces; an id ending
 * in '/' matches every zone under it. */
static const struct {
  const char *std, *dst;
  const char *ids;
} zone_ids[] = {
    {"Acre Standard Time", NULL, "America/Eirunepe America/Rio_Branco"},
    {"Afghanistan Time", NULL, "Asia/Kabul"},
    {"Amazon Standard Time", NULL,
     "America/Boa_Vista America/Campo_Grande America/Cuiaba America/Manaus America/Porto_Velho"},
    {"Arabian Standard Time", NULL,
     "Asia/Riyadh Asia/Aden Asia/Baghdad Asia/Bahrain Asia/Kuwait Asia/Qatar"},
    {"Argentina Standard Time", NULL,
     "America/Argentina/ America/Buenos_Aires America/Catamarca America/Cordoba "
     "America/Jujuy America/Mendoza"},
    {"Armenia Standard Time", NULL, "Asia/Yerevan"},
    {"Australian Central Western Standard Time", NULL, "Australia/Eucla"},
    {"Australian Western Standard Time", NULL, "Antarctica/Casey"},
    {"Azerbaijan Standard Time", NULL, "Asia/Baku"},
    {"Azores Standard Time", "Azores Summer Time", "Atlantic/Azores"},
    {"Bangladesh Standard Time", NULL, "Asia/Dhaka"},
    {"Bhutan Time", NULL, "Asia/Thimphu"},
    {"Bolivia Time", NULL, "America/La_Paz"},
    {"Brasilia Standard Time", NULL,
     "America/Sao_Paulo America/Araguaina America/Bahia America/Belem America/Fortaleza "
     "America/Maceio America/Recife America/Santarem"},
    {"Brunei Time", NULL, "Asia/Brunei"},
    {"Cape Verde Standard Time", NULL, "Atlantic/Cape_Verde"},
    {"Chatham Standard Time", "Chatham Daylight Time", "Pacific/Chatham"},
    {"Chile Standard Time", "Chile Summer Time", "America/Santiago"},
    {"Christmas Island Time", NULL, "Indian/Christmas"},
    {"Chuuk Time", NULL, "Pacific/Chuuk Pacific/Truk"},
    {"Cocos Islands Time", NULL, "Indian/Cocos"},
    {"Colombia Standard Time", NULL, "America/Bogota"},
    {"Cook Islands Standard Time", NULL, "Pacific/Rarotonga"},
    {"Davis Time", NULL, "Antarctica/Davis"},
    {"Dumont d\xe2\x80\x99Urville Time", NULL, "Antarctica/DumontDUrville"},
    {"Easter Island Standard Time", "Easter Island Summer Time", "Pacific/Easter"},
    {"Ecuador Time", NULL, "America/Guayaquil"},
    {"Falkland Islands Standard Time", NULL, "Atlantic/Stanley"},
    {"Fernando de Noronha Standard Time", NULL, "America/Noronha"},
    {"Fiji Standard Time", "Fiji Summer Time", "Pacific/Fiji"},
    {"French Guiana Time", NULL, "America/Cayenne"},
    {"French Southern & Antarctic Time", NULL, "Indian/Kerguelen"},
    {"Galapagos Time", NULL, "Pacific/Galapagos"},
    {"Gambier Time", NULL, "Pacific/Gambier"},
    {"Georgia Standard Time", NULL, "Asia/Tbilisi"},
    {"Gilbert Islands Time", NULL, "Pacific/Tarawa"},
    {"Greenland Standard Time", "Greenland Summer Time",
     "America/Nuuk America/Godthab America/Scoresbysund"},
    {"Gulf Standard Time", NULL, "Asia/Dubai Asia/Muscat"},
    {"Guyana Time", NULL, "America/Guyana"},
    {"India Standard Time", NULL, "Asia/Colombo"},
    {"Indian Ocean Time", NULL, "Indian/Chagos"},
    {"Indochina Time", NULL,
     "Asia/Bangkok Asia/Ho_Chi_Minh Asia/Saigon Asia/Phnom_Penh Asia/Vientiane"},
    {"Iran Standard Time", "Iran Daylight Time", "Asia/Tehran"},
    {"Irkutsk Standard Time", NULL, "Asia/Irkutsk"},
    {"Kamchatka Standard Time", NULL, "Asia/Anadyr Asia/Kamchatka"},
    {"Kazakhstan Time", NULL,
     "Asia/Almaty Asia/Aqtau Asia/Aqtobe Asia/Atyrau Asia/Oral Asia/Qostanay Asia/Qyzylorda"},
    {"Khovd Standard Time", NULL, "Asia/Hovd"},
    {"Kosrae Time", NULL, "Pacific/Kosrae"},
    {"Krasnoyarsk Standard Time", NULL,
     "Asia/Barnaul Asia/Krasnoyarsk Asia/Novokuznetsk Asia/Novosibirsk Asia/Tomsk"},
    {"Kyrgyzstan Time", NULL, "Asia/Bishkek"},
    {"Line Islands Time", NULL, "Pacific/Kiritimati"},
    {"Lord Howe Standard Time", "Lord Howe Daylight Time", "Australia/Lord_Howe"},
    {"Magadan Standard Time", NULL, "Asia/Magadan Asia/Sakhalin Asia/Srednekolymsk"},
    {"Malaysia Time", NULL, "Asia/Kuala_Lumpur Asia/Kuching"},
    {"Maldives Time", NULL, "Indian/Maldives"},
    {"Marquesas Time", NULL, "Pacific/Marquesas"},
    {"Marshall Islands Time", NULL, "Pacific/Kwajalein Pacific/Majuro"},
    {"Mauritius Standard Time", NULL, "Indian/Mauritius"},
    {"Mawson Time", NULL, "Antarctica/Mawson"},
    {"Mexican Pacific Standard Time", NULL, "America/Hermosillo America/Mazatlan"},
    {"Moscow Standard Time", NULL, "Europe/Minsk"},
    {"Myanmar Time", NULL, "Asia/Yangon Asia/Rangoon"},
    {"Nauru Time", NULL, "Pacific/Nauru"},
    {"Nepal Time", NULL, "Asia/Kathmandu Asia/Katmandu"},
    {"New Caledonia Standard Time", NULL, "Pacific/Noumea"},
    {"Niue Time", NULL, "Pacific/Niue"},
    {"Norfolk Island Standard Time", "Norfolk Island Daylight Time", "Pacific/Norfolk"},
    {"Omsk Standard Time", NULL, "Asia/Omsk"},
    {"Palau Time", NULL, "Pacific/Palau"},
    {"Papua New Guinea Time", NULL, "Pacific/Port_Moresby"},
    {"Paraguay Standard Time", NULL, "America/Asuncion"},
    {"Peru Standard Time", NULL, "America/Lima"},
    {"Phoenix Islands Time", NULL, "Pacific/Kanton Pacific/Enderbury"},
    {"Pitcairn Time", NULL, "Pacific/Pitcairn"},
    {"Pohnpei Time", NULL, "Pacific/Pohnpei Pacific/Ponape"},
    {"Rothera Time", NULL, "Antarctica/Rothera"},
    {"R\xc3\xa9union Time", NULL, "Indian/Reunion"},
    {"Samara Standard Time", NULL,
     "Europe/Astrakhan Europe/Samara Europe/Saratov Europe/Ulyanovsk"},
    {"Samoa Standard Time", NULL, "Pacific/Apia"},
    {"Seychelles Time", NULL, "Indian/Mahe"},
    {"Singapore Standard Time", NULL, "Asia/Singapore"},
    {"Solomon Islands Time", NULL, "Pacific/Guadalcanal"},
    {"South Georgia Time", NULL, "Atlantic/South_Georgia"},
    {"St. Pierre & Miquelon Standard Time", "St. Pierre & Miquelon Daylight Time",
     "America/Miquelon"},
    {"Suriname Time", NULL, "America/Paramaribo"},
    {"Syowa Time", NULL, "Antarctica/Syowa"},
    {"Tahiti Time", NULL, "Pacific/Tahiti"},
    {"Taiwan Standard Time", NULL, "Asia/Taipei"},
    {"Tajikistan Time", NULL, "Asia/Dushanbe"},
    {"Timor-Leste Time", NULL, "Asia/Dili"},
    {"Tokelau Time", NULL, "Pacific/Fakaofo"},
    {"Tonga Standard Time", NULL, "Pacific/Tongatapu"},
    {"Turkmenistan Standard Time", NULL, "Asia/Ashgabat"},
    {"Tuvalu Time", NULL, "Pacific/Funafuti"},
    {"T\xc3\xbcrkiye Standard Time", NULL, "Europe/Istanbul"},
    {"Ulaanbaatar Standard Time", NULL, "Asia/Ulaanbaatar"},
    {"Uruguay Standard Time", NULL, "America/Montevideo"},
    {"Uzbekistan Standard Time", NULL, "Asia/Tashkent Asia/Samarkand"},
    {"Vanuatu Standard Time", NULL, "Pacific/Efate"},
    {"Venezuela Time", NULL, "America/Caracas"},
    {"Vladivostok Standard Time", NULL, "Asia/Vladivostok Asia/Ust-Nera"},
    {"Vostok Time", NULL, "Antarctica/Vostok"},
    {"Wake Island Time", NULL, "Pacific/Wake"},
    {"Wallis & Futuna Time", NULL, "Pacific/Wallis"},
    {"Yakutsk Standard Time", NULL, "Asia/Chita Asia/Khandyga Asia/Yakutsk"},
    {"Yekaterinburg Standard Time", NULL, "Asia/Yekaterinburg"},
    {"Yukon Time", NULL, "America/Dawson America/Whitehorse"},
};

/* Whether the space-separated list ids names the zone id. */
static bool zone_listed(const char *ids, const char *id) {
  size_t idlen = strlen(id);
  for (const char *p = ids; *p;) {
    const char *end = strchr(p, ' ');
    size_t n = end ? (size_t)(end - p) : strlen(p);
    if ((n == idlen && memcmp(p, id, n) == 0) ||
        (n > 0 && p[n - 1] == '/' && n < idlen && memcmp(p, id, n) == 0))
      return true;
    p += n;
    while (*p == ' ') p++;
  }
  return false;
}

/* The IANA id of the local zone: TZ (without a leading ':'), else where /etc/localtime
 * links to; "" when unknown. */
static void local_zone_id(char *buf, size_t cap) {
  buf[0] = 0;
  const char *tz = getenv("TZ");
  if (tz) {
    snprintf(buf, cap, "%s", tz[0] == ':' ? tz + 1 : tz);
    return;
  }
  char link[512];
  ssize_t n = readlink("/etc/localtime", link, sizeof link - 1);
  if (n <= 0) return;
  link[n] = 0;
  const char *p = strstr(link, "zoneinfo/");
  if (p) snprintf(buf, cap, "%s", p + strlen("zoneinfo/"));
}

/* V8 takes the daylight-or-standard choice of the zone name from the DST rules of an
 * "equivalent" year in 2008..2035 (same leap-ness, same weekday on January 1) for instants
 * before 1970 or past 2^31 seconds, and names the zone by its current names: so
 * new Date(1800, 6, 1) in New York is "GMT-0456 (Eastern Daylight Time)". */
static double equivalent_time(double t) {
  int64_t ms = (int64_t)t;
  int64_t days = floor_div(ms, 86400000);
  int64_t year;
  int month, day;
  civil_from_days(days, &year, &month, &day);
  int jan1_weekday = (int)floor_mod(days_from_civil(year, 1, 1) + 4, 7);
  bool leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  int recent = (leap ? 1956 : 1967) + (jan1_weekday * 12) % 28;
  int64_t eq_year = 2008 + (recent + 3 * 28 - 2008) % 28;
  return (double)(days_from_civil(eq_year, month, day) * 86400000 + (ms - days * 86400000));
}

/* The parenthesized zone name of toString at the instant t (UTF-8) into buf. */
static void zone_name(double t, char *buf, size_t cap) {
  LocalInfo info;
  local_info(t < 0 || t > 2147483647000.0 ? equivalent_time(t) : t, &info);
  const LocalInfo *li = &info;
  char id[256];
  local_zone_id(id, sizeof id);
  for (size_t i = 0; id[0] && i < sizeof zone_ids / sizeof zone_ids[0]; i++) {
    if (!zone_listed(zone_ids[i].ids, id)) continue;
    const char *name = li->is_dst && zone_ids[i].dst ? zone_ids[i].dst : zone_ids[i].std;
    snprintf(buf, cap, "%s", name);
    return;
  }
  int minutes = (int)(li->offset / MS_PER_MINUTE);
  for (size_t i = 0; i < sizeof zone_abbrs / sizeof zone_abbrs[0]; i++) {
    if (strcmp(li->abbr, zone_abbrs[i].abbr) == 0 && minutes == zone_abbrs[i].minutes) {
      snprintf(buf, cap, "%s", zone_abbrs[i].name);
      return;
    }
  }
  if (minutes == 0) {
    snprintf(buf, cap, "GMT");
    return;
  }
  int a = abs(minutes);
  snprintf(buf, cap, "GMT%c%02d:%02d", minutes < 0 ? '-' : '+', a / 60, a % 60);
}

/* ------------------------------------------------------------------------------------------ */
/* Formatting (all on valid time values)                                                      */

enum { FMT_CAP = 160 };

/* "-" and the absolute year padded to 4 digits (DateString, toUTCString). */
static void format_year(int64_t year, char *buf, size_t cap) {
  snprintf(buf, cap, "%s%04lld", year < 0 ? "-" : "", (long long)(year < 0 ? -year : year));
}

/* DateString(tv) of a local time: "Mon Nov 23 2026". */
static void format_date_part(const DateFields *f, char *buf, size_t cap) {
  char y[24];
  format_year(f->year, y, sizeof y);
  snprintf(buf, cap, "%s %s %02d %s", weekday_names[f->weekday], month_names[f->month], f->day, y);
}

/* TimeString(tv) + TimeZoneString(t): "10:00:00 GMT+0100 (Central European Standard Time)". */
static void format_time_part(double t, const DateFields *f, char *buf, size_t cap) {
  char name[96];
  zone_name(t, name, sizeof name);
  int off = (int)-trunc(tz_offset_minutes(t));
  int a = abs(off);
  snprintf(buf, cap, "%02d:%02d:%02d GMT%c%02d%02d (%s)", f->hour, f->minute, f->second,
           off < 0 ? '-' : '+', a / 60, a % 60, name);
}

typedef enum DateFormat {
  FMT_FULL,  /* toString */
  FMT_DATE,  /* toDateString */
  FMT_TIME,  /* toTimeString */
  FMT_UTC,   /* toUTCString */
  FMT_ISO,   /* toISOString */
  FMT_LOCALE, FMT_LOCALE_DATE, FMT_LOCALE_TIME, /* en-US, as node prints it */
} DateFormat;

/* Formats the valid time value t into buf. */
static void format_date(double t, DateFormat fmt, char *buf, size_t cap) {
  DateFields f;
  if (fmt == FMT_UTC || fmt == FMT_ISO) {
    split_time(t, &f);
  } else {
    split_time(local_time(t), &f);
  }
  char a[FMT_CAP], b[FMT_CAP];
  switch (fmt) {
  case FMT_FULL:
    format_date_part(&f, a, sizeof a);
    format_time_part(t, &f, b, sizeof b);
    snprintf(buf, cap, "%s %s", a, b);
    break;
  case FMT_DATE: format_date_part(&f, buf, cap); break;
  case FMT_TIME: format_time_part(t, &f, buf, cap); break;
  case FMT_UTC:
    format_year(f.year, a, sizeof a);
    snprintf(buf, cap, "%s, %02d %s %s %02d:%02d:%02d GMT", weekday_names[f.weekday], f.day,
             month_names[f.month], a, f.hour, f.minute, f.second);
    break;
  case FMT_ISO:
    if (f.year >= 0 && f.year <= 9999)
      snprintf(a, sizeof a, "%04lld", (long long)f.year);
    else
      snprintf(a, sizeof a, "%c%06lld", f.year < 0 ? '-' : '+',
               (long long)(f.year < 0 ? -f.year : f.year));
    snprintf(buf, cap, "%s-%02d-%02dT%02d:%02d:%02d.%03dZ", a, f.month + 1, f.day, f.hour,
             f.minute, f.second, f.ms);
    break;
  case FMT_LOCALE:
  case FMT_LOCALE_DATE:
  case FMT_LOCALE_TIME: {
    /* ICU's en-US Gregorian calendar shows years <= 0 as 1 BC, 2 BC ... without the era. */
    long long y = (long long)(f.year <= 0 ? 1 - f.year : f.year);
    snprintf(a, sizeof a, "%d/%d/%lld", f.month + 1, f.day, y);
    int h12 = f.hour % 12 == 0 ? 12 : f.hour % 12;
    snprintf(b, sizeof b, "%d:%02d:%02d %s", h12, f.minute, f.second, f.hour < 12 ? "AM" : "PM");
    if (fmt == FMT_LOCALE)
      snprintf(buf, cap, "%s, %s", a, b);
    else
      snprintf(buf, cap, "%s", fmt == FMT_LOCALE_DATE ? a : b);
    break;
  }
  }
}

/* The string of a time value in a format ("Invalid Date" for NaN). NULL on OOM. */
static StString *date_string(StVM *vm, double t, DateFormat fmt) {
  if (t != t) return st_string_from_cstr(vm, "Invalid Date");
  char buf[2 * FMT_CAP + 32];
  format_date(t, fmt, buf, sizeof buf);
  return st_string_from_cstr(vm, buf);
}

StString *st_lib_date_inspect(StVM *vm, StObject *date) {
  ST_ASSERT(date->hdr.kind == ST_KIND_DATE, "not a Date");
  double t = ((StDateObject *)date)->time;
  return date_string(vm, t, t != t ? FMT_FULL : FMT_ISO);
}

/* ------------------------------------------------------------------------------------------ */
/* The constructor and its functions                                                          */

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec * MS_PER_SECOND + (double)(ts.tv_nsec / 1000000);
}

static StValue string_result(StString *s) { return s ? st_string_value(s) : ST_EXCEPTION; }

/* thisTimeValue: the receiver as a Date, or a TypeError worded as V8 words it: the getters
 * (method NULL) say "this is not a Date object.", the others name the method. */
static StDateObject *this_date(StVM *vm, StCallInfo *ci, const char *method) {
  if (st_is_object(ci->this_val) && st_get_object(ci->this_val)->hdr.kind == ST_KIND_DATE)
    return (StDateObject *)st_get_object(ci->this_val);
  if (!method) {
    st_vm_type_error(vm, "this is not a Date object.");
  } else {
    char buf[160];
    st_vm_type_error(vm, "Method Date.prototype.%s called on incompatible receiver %s", method,
                     st_lib_array_describe(vm, ci->this_val, buf, sizeof buf));
  }
  return NULL;
}

/* Parses a string value as Date.parse does. false on OOM. */
static bool parse_string(StVM *vm, StString *s, double *out) {
  StString *flat = st_string_flatten(vm, s);
  if (!flat) return false;
  *out = st_lib_date_parse_string(flat);
  return true;
}

/* ToNumber of the arguments year, month[, date, hours, minutes, seconds, ms] in order, with
 * the defaults of the Date constructor and Date.UTC; then the local or UTC time they name
 * (before TimeClip). false on a throw. */
static bool time_from_fields(StVM *vm, StCallInfo *ci, bool utc, double *out) {
  static const double defaults[7] = {NAN, 0, 1, 0, 0, 0, 0};
  double v[7];
  for (uint32_t i = 0; i < 7; i++) {
    v[i] = defaults[i];
    if ((i < ci->argc || i == 0) && !st_ops_to_double(vm, st_arg(ci, i), &v[i])) return false;
  }
  double day = st_lib_date_make_day(make_full_year(v[0]), v[1], v[2]);
  double date = st_lib_date_make_date(day, st_lib_date_make_time(v[3], v[4], v[5], v[6]));
  *out = utc ? date : st_lib_date_utc(date);
  return true;
}

/* Date(...) (21.4.2.1). */
static StValue date_ctor(StVM *vm, StCallInfo *ci) {
  if (st_is_undefined(ci->new_target)) return string_result(date_string(vm, now_ms(), FMT_FULL));
  double tv;
  if (ci->argc == 0) {
    tv = now_ms();
  } else if (ci->argc == 1) {
    StValue v = st_arg(ci, 0);
    if (st_is_object(v) && st_get_object(v)->hdr.kind == ST_KIND_DATE) {
      tv = ((StDateObject *)st_get_object(v))->time;
    } else {
      StValue p = st_ops_to_primitive(vm, v, ST_HINT_DEFAULT);
      if (p == ST_EXCEPTION) return ST_EXCEPTION;
      if (st_is_string(p)) {
        if (!parse_string(vm, st_get_string(p), &tv)) return ST_EXCEPTION;
      } else if (!st_ops_to_double(vm, p, &tv)) {
        return ST_EXCEPTION;
      }
    }
  } else if (!time_from_fields(vm, ci, false, &tv)) {
    return ST_EXCEPTION;
  }
  tv = st_lib_date_time_clip(tv);
  /* OrdinaryCreateFromConstructor comes after the arguments' conversions (step 6). */
  StObject *fallback = st_get_object(((StNativeFunction *)ci->callee)->data[0]);
  StObject *proto = st_lib_object_proto_from_ctor(vm, ci->new_target, fallback);
  if (!proto) return ST_EXCEPTION;
  StDateObject *d =
      (StDateObject *)st_object_alloc(vm, ST_KIND_DATE, sizeof(StDateObject), proto, 0);
  if (!d) return ST_EXCEPTION;
  d->time = tv;
  return st_object_value(&d->obj);
}

static StValue date_now(StVM *vm, StCallInfo *ci) {
  (void)vm;
  (void)ci;
  return st_number(now_ms());
}

static StValue date_parse(StVM *vm, StCallInfo *ci) {
  StString *s = st_ops_to_string(vm, st_arg(ci, 0));
  if (!s) return ST_EXCEPTION;
  double t;
  if (!parse_string(vm, s, &t)) return ST_EXCEPTION;
  return st_number(t);
}

static StValue date_utc(StVM *vm, StCallInfo *ci) {
  double t;
  if (!time_from_fields(vm, ci, true, &t)) return ST_EXCEPTION;
  return st_number(st_lib_date_time_clip(t));
}

/* ------------------------------------------------------------------------------------------ */
/* Getters and setters: one native each, told its field by the table entry in data[0]        */

/* The fields in the order the setters take their arguments. */
enum { F_YEAR, F_MONTH, F_DATE, F_HOURS, F_MINUTES, F_SECONDS, F_MS, F_WEEKDAY, F_YEAR1900 };

/* X(name, field, utc) */
#define DATE_GETTERS(X) \
  X("getFullYear", F_YEAR, false) X("getUTCFullYear", F_YEAR, true) \
  X("getMonth", F_MONTH, false) X("getUTCMonth", F_MONTH, true) \
  X("getDate", F_DATE, false) X("getUTCDate", F_DATE, true) \
  X("getDay", F_WEEKDAY, false) X("getUTCDay", F_WEEKDAY, true) \
  X("getHours", F_HOURS, false) X("getUTCHours", F_HOURS, true) \
  X("getMinutes", F_MINUTES, false) X("getUTCMinutes", F_MINUTES, true) \
  X("getSeconds", F_SECONDS, false) X("getUTCSeconds", F_SECONDS, true) \
  X("getMilliseconds", F_MS, false) X("getUTCMilliseconds", F_MS, true) \
  X("getYear", F_YEAR1900, false) /* Annex B */

/* X(name, first field, length, utc): the setter replaces `length` fields from `first` on,
 * one per argument given (at least one). */
#define DATE_SETTERS(X) \
  X("setFullYear", F_YEAR, 3, false) X("setUTCFullYear", F_YEAR, 3, true) \
  X("setMonth", F_MONTH, 2, false) X("setUTCMonth", F_MONTH, 2, true) \
  X("setDate", F_DATE, 1, false) X("setUTCDate", F_DATE, 1, true) \
  X("setHours", F_HOURS, 4, false) X("setUTCHours", F_HOURS, 4, true) \
  X("setMinutes", F_MINUTES, 3, false) X("setUTCMinutes", F_MINUTES, 3, true) \
  X("setSeconds", F_SECONDS, 2, false) X("setUTCSeconds", F_SECONDS, 2, true) \
  X("setMilliseconds", F_MS, 1, false) X("setUTCMilliseconds", F_MS, 1, true)

#define SETTER_NAME(name, first, count, utc) name,
static const char *const setter_names[] = {DATE_SETTERS(SETTER_NAME)};
#undef SETTER_NAME

static int native_param(StCallInfo *ci) {
  return st_get_int(((StNativeFunction *)ci->callee)->data[0]);
}

static StValue date_getter(StVM *vm, StCallInfo *ci) {
  int param = native_param(ci);
  int field = param & 0xff;
  StDateObject *d = this_date(vm, ci, field == F_YEAR1900 ? "getYear" : NULL);
  if (!d) return ST_EXCEPTION;
  bool utc = (param >> 8) & 1;
  double t = d->time;
  if (t != t) return st_double(NAN);
  DateFields f;
  split_time(utc ? t : local_time(t), &f);
  switch (field) {
  case F_YEAR: return st_number((double)f.year);
  case F_YEAR1900: return st_number((double)f.year - 1900);
  case F_MONTH: return st_int(f.month);
  case F_DATE: return st_int(f.day);
  case F_WEEKDAY: return st_int(f.weekday);
  case F_HOURS: return st_int(f.hour);
  case F_MINUTES: return st_int(f.minute);
  case F_SECONDS: return st_int(f.second);
  default: return st_int(f.ms);
  }
}

/* The setters of 21.4.4.20-28: t is read before the arguments are converted (their valueOf
 * may change the date, and the spec uses the value read first); a NaN date stays NaN, except
 * that setFullYear starts from +0. */
static StValue date_setter(StVM *vm, StCallInfo *ci) {
  int param = native_param(ci);
  StDateObject *d = this_date(vm, ci, setter_names[param >> 16]);
  if (!d) return ST_EXCEPTION;
  int first = param & 0xff, count = (param >> 8) & 0xf;
  bool utc = (param >> 12) & 1;
  double t = d->time;
  uint32_t n = ci->argc < (uint32_t)count ? ci->argc : (uint32_t)count;
  if (n == 0) n = 1;
  double v[4];
  for (uint32_t i = 0; i < n; i++)
    if (!st_ops_to_double(vm, st_arg(ci, i), &v[i])) return ST_EXCEPTION;
  if (t != t) {
    if (first != F_YEAR) return st_double(NAN);
    t = 0;
  } else if (!utc) {
    t = local_time(t);
  }
  DateFields f;
  split_time(t, &f);
  double fields[7] = {(double)f.year, f.month, f.day, f.hour, f.minute, f.second, f.ms};
  for (uint32_t i = 0; i < n; i++) fields[first + (int)i] = v[i];
  double day = st_lib_date_make_day(fields[0], fields[1], fields[2]);
  double time = st_lib_date_make_time(fields[3], fields[4], fields[5], fields[6]);
  double date = st_lib_date_make_date(day, time);
  double u = st_lib_date_time_clip(utc ? date : st_lib_date_utc(date));
  d->time = u;
  return st_number(u);
}

static StValue date_get_time(StVM *vm, StCallInfo *ci) {
  StDateObject *d = this_date(vm, ci, NULL);
  return d ? st_number(d->time) : ST_EXCEPTION;
}

static StValue date_get_timezone_offset(StVM *vm, StCallInfo *ci) {
  StDateObject *d = this_date(vm, ci, NULL);
  if (!d) return ST_EXCEPTION;
  return st_number(d->time != d->time ? NAN : tz_offset_minutes(d->time));
}

static StValue date_set_time(StVM *vm, StCallInfo *ci) {
  StDateObject *d = this_date(vm, ci, "setTime");
  if (!d) return ST_EXCEPTION;
  double t;
  if (!st_ops_to_double(vm, st_arg(ci, 0), &t)) return ST_EXCEPTION;
  d->time = st_lib_date_time_clip(t);
  return st_number(d->time);
}

/* setYear (B.2.3.2): like setFullYear(year) with two-digit years meaning 19xx. */
static StValue date_set_year(StVM *vm, StCallInfo *ci) {
  StDateObject *d = this_date(vm, ci, "setYear");
  if (!d) return ST_EXCEPTION;
  double t = d->time, y;
  if (!st_ops_to_double(vm, st_arg(ci, 0), &y)) return ST_EXCEPTION;
  t = t != t ? 0 : local_time(t);
  DateFields f;
  split_time(t, &f);
  double day = st_lib_date_make_day(make_full_year(y), f.month, f.day);
  double date = st_lib_date_make_date(day, (double)floor_mod((int64_t)t, 86400000));
  d->time = st_lib_date_time_clip(st_lib_date_utc(date));
  return st_number(d->time);
}

/* ------------------------------------------------------------------------------------------ */
/* Conversions                                                                                */

static StValue format_this(StVM *vm, StCallInfo *ci, DateFormat fmt, const char *method) {
  StDateObject *d = this_date(vm, ci, method);
  if (!d) return ST_EXCEPTION;
  return string_result(date_string(vm, d->time, fmt));
}

static StValue date_to_string(StVM *vm, StCallInfo *ci) {
  return format_this(vm, ci, FMT_FULL, "toString");
}
static StValue date_to_date_string(StVM *vm, StCallInfo *ci) {
  return format_this(vm, ci, FMT_DATE, "toDateString");
}
static StValue date_to_time_string(StVM *vm, StCallInfo *ci) {
  return format_this(vm, ci, FMT_TIME, "toTimeString");
}
static StValue date_to_utc_string(StVM *vm, StCallInfo *ci) {
  return format_this(vm, ci, FMT_UTC, "toUTCString");
}
static StValue date_to_locale_string(StVM *vm, StCallInfo *ci) {
  return format_this(vm, ci, FMT_LOCALE, "toLocaleString");
}
static StValue date_to_locale_date_string(StVM *vm, StCallInfo *ci) {
  return format_this(vm, ci, FMT_LOCALE_DATE, "toLocaleDateString");
}
static StValue date_to_locale_time_string(StVM *vm, StCallInfo *ci) {
  return format_this(vm, ci, FMT_LOCALE_TIME, "toLocaleTimeString");
}

static StValue date_to_iso_string(StVM *vm, StCallInfo *ci) {
  StDateObject *d = this_date(vm, ci, "toISOString");
  if (!d) return ST_EXCEPTION;
  if (d->time != d->time) return st_vm_range_error(vm, "Invalid time value");
  return string_result(date_string(vm, d->time, FMT_ISO));
}

/* toJSON (21.4.4.37): generic; calls this.toISOString(). */
static StValue date_to_json(StVM *vm, StCallInfo *ci) {
  StObject *o = st_ops_to_object(vm, ci->this_val);
  if (!o) return ST_EXCEPTION;
  StValue ov = st_object_value(o);
  StValue tv = st_ops_to_primitive(vm, ov, ST_HINT_NUMBER);
  if (tv == ST_EXCEPTION) return ST_EXCEPTION;
  if (st_is_number(tv) && !isfinite(st_get_number(tv))) return ST_NULL;
  StValue fn = st_object_get(vm, o, st_builtins_atom(vm, "toISOString"), ov);
  if (fn == ST_EXCEPTION) return ST_EXCEPTION;
  if (!st_value_is_callable(fn)) return st_vm_type_error(vm, "toISOString is not a function");
  return st_vm_call(vm, fn, ov, 0, NULL);
}

static StValue date_value_of(StVM *vm, StCallInfo *ci) { return date_get_time(vm, ci); }

/* Date.prototype[@@toPrimitive](hint) (21.4.4.45): OrdinaryToPrimitive with "default"
 * treated as "string". Written out here rather than calling st_ops_to_primitive, which will
 * itself consult @@toPrimitive once the engine supports it. */
static StValue date_to_primitive(StVM *vm, StCallInfo *ci) {
  char buf[160];
  if (!st_is_object(ci->this_val))
    return st_vm_type_error(
        vm, "Method Date.prototype [ @@toPrimitive ] called on incompatible receiver %s",
        st_lib_array_describe(vm, ci->this_val, buf, sizeof buf));
  StValue hint = st_arg(ci, 0);
  bool string_first;
  if (st_is_string(hint) && (st_string_equals_cstr(vm, st_get_string(hint), "string") ||
                             st_string_equals_cstr(vm, st_get_string(hint), "default")))
    string_first = true;
  else if (st_is_string(hint) && st_string_equals_cstr(vm, st_get_string(hint), "number"))
    string_first = false;
  else
    return st_vm_type_error(vm, "Invalid hint: %s",
                            st_lib_array_describe(vm, hint, buf, sizeof buf));
  StObject *o = st_get_object(ci->this_val);
  StValue names[2] = {st_string_value(vm->atoms.valueOf), st_string_value(vm->atoms.toString)};
  if (string_first) {
    names[0] = st_string_value(vm->atoms.toString);
    names[1] = st_string_value(vm->atoms.valueOf);
  }
  for (int i = 0; i < 2; i++) {
    StValue fn = st_object_get(vm, o, names[i], ci->this_val);
    if (fn == ST_EXCEPTION) return ST_EXCEPTION;
    if (!st_value_is_callable(fn)) continue;
    StValue r = st_vm_call(vm, fn, ci->this_val, 0, NULL);
    if (r == ST_EXCEPTION || !st_is_object(r)) return r;
  }
  return st_vm_type_error(vm, "Cannot convert object to primitive value");
}

/* ------------------------------------------------------------------------------------------ */
/* Realm set-up                                                                               */

static void trace_date(StHeap *h, StCell *c) { st_object_trace_base(h, (StObject *)c); }
static void finalize_date(StHeap *h, StCell *c) { st_object_finalize_base(h, (StObject *)c); }

void st_lib_date_init(StVM *vm) {
  tzset(); /* localtime_r does not read TZ itself */
  st_gc_register_kind(vm->heap, ST_KIND_DATE, "Date", trace_date, finalize_date);

  /* Date.prototype is an ordinary object, not a Date (21.4.4). */
  StObject *proto = st_object_new(vm, vm->intrinsics.ObjectPrototype, 0);
  ST_CHECK(proto, "out of memory during realm set-up");
  st_object_mark_prototype(vm, proto);
  StNativeFunction *ctor = st_builtins_ctor(vm, "Date", date_ctor, 7, proto);
  ctor->data[0] = st_object_value(proto);
  st_builtins_method(vm, &ctor->obj, "now", date_now, 0);
  st_builtins_method(vm, &ctor->obj, "parse", date_parse, 1);
  st_builtins_method(vm, &ctor->obj, "UTC", date_utc, 7);

#define DEFINE_GETTER(name, field, utc) \
  st_builtins_method(vm, proto, name, date_getter, 0)->data[0] = st_int((field) | (utc) << 8);
  DATE_GETTERS(DEFINE_GETTER)
#undef DEFINE_GETTER
  int setter_index = 0;
#define DEFINE_SETTER(name, first, count, utc) \
  st_builtins_method(vm, proto, name, date_setter, count)->data[0] = \
      st_int((first) | (count) << 8 | (utc) << 12 | setter_index++ << 16);
  DATE_SETTERS(DEFINE_SETTER)
#undef DEFINE_SETTER
  st_builtins_method(vm, proto, "getTime", date_get_time, 0);
  st_builtins_method(vm, proto, "getTimezoneOffset", date_get_timezone_offset, 0);
  st_builtins_method(vm, proto, "setTime", date_set_time, 1);
  st_builtins_method(vm, proto, "setYear", date_set_year, 1);
  st_builtins_method(vm, proto, "toDateString", date_to_date_string, 0);
  st_builtins_method(vm, proto, "toISOString", date_to_iso_string, 0);
  st_builtins_method(vm, proto, "toJSON", date_to_json, 1);
  st_builtins_method(vm, proto, "toLocaleDateString", date_to_locale_date_string, 0);
  st_builtins_method(vm, proto, "toLocaleString", date_to_locale_string, 0);
  st_builtins_method(vm, proto, "toLocaleTimeString", date_to_locale_time_string, 0);
  st_builtins_method(vm, proto, "toString", date_to_string, 0);
  st_builtins_method(vm, proto, "toTimeString", date_to_time_string, 0);
  StNativeFunction *utc_string =
      st_builtins_method(vm, proto, "toUTCString", date_to_utc_string, 0);
  /* Annex B: toGMTString is the same function object as toUTCString. */
  st_builtins_value(vm, proto, "toGMTString", st_object_value(&utc_string->obj), ST_ATTR_HIDDEN);
  st_builtins_method(vm, proto, "valueOf", date_value_of, 0);

  /* [@@toPrimitive] (not writable), when the realm has Symbol.toPrimitive. */
  StValue sym_ctor = st_object_get(vm, vm->global, st_builtins_atom(vm, "Symbol"),
                                   st_object_value(vm->global));
  ST_CHECK(sym_ctor != ST_EXCEPTION, "Symbol");
  if (st_is_object(sym_ctor)) {
    StValue tp = st_object_get(vm, st_get_object(sym_ctor), st_builtins_atom(vm, "toPrimitive"),
                               sym_ctor);
    ST_CHECK(tp != ST_EXCEPTION, "Symbol.toPrimitive");
    if (st_is_symbol(tp)) {
      StNativeFunction *f =
          st_function_new_native(vm, date_to_primitive, "[Symbol.toPrimitive]", 1, false);
      ST_CHECK(f, "out of memory during realm set-up");
      ST_CHECK(st_object_define(vm, proto, tp, st_object_value(&f->obj), ST_ATTR_CONFIGURABLE) == 1,
               "Date.prototype[@@toPrimitive]");
    }
  }
}
