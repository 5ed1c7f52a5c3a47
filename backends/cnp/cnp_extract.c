/* backends/cnp/cnp_extract.c: build-time tool. Reads the ELF64 x86-64 object compiled from
 * stencils.c and writes a C header with every stencil's machine code and patch list:
 *
 *     cnp_extract stencils.o cnp_stencils.h
 *
 * For each global function `st_stencils_<NAME>` (each in its own section: -ffunction-sections)
 * it copies the section's bytes and turns each relocation of the section's .rela section into
 * an StCnpPatch (backends/cnp/cnp_holes.h). It refuses (exit 1, with the reason) anything the
 * run-time patcher could not honour, so a compiler change that breaks an assumption stops the
 * build instead of producing wrong code:
 *   - a relocation against anything but a `_st_hole_*` symbol (static data such as .rodata
 *     constants or jump tables, a local function gcc did not inline, a libc call);
 *   - a relocation type other than R_X86_64_64, _32, _32S, _PC32, _PLT32;
 *   - a PC-relative reference to a non-code hole, or an absolute one to a code hole;
 *   - a code hole reached by anything but `jmp rel32` (E9) or `jcc rel32` (0F 8x): a `call`
 *     would push a return address and break the stencil chain's stack discipline.
 * Only the standard library and <elf.h>; runs on the build machine.
 */
#include "backends/cnp/cnp_holes.h"

#include <elf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const hole_names[] = {
#define HOLE_NAME(name, cls) #name,
    ST_CNP_HOLES(HOLE_NAME)
#undef HOLE_NAME
};

enum { CLS_SMALL, CLS_LARGE, CLS_CODE };
static const int hole_classes[] = {
#define HOLE_CLS(name, cls) CLS_##cls,
    ST_CNP_HOLES(HOLE_CLS)
#undef HOLE_CLS
};

static const char *src_path;

static void fail(const char *fmt, const char *a, const char *b) {
  fprintf(stderr, "cnp_extract: %s: ", src_path);
  fprintf(stderr, fmt, a, b);
  fputc('\n', stderr);
  exit(1);
}

typedef struct Stencil {
  const char *name;
  const unsigned char *bytes;
  size_t size;
  StCnpPatch patches[64];
  int npatches;
  int tail_cont;
} Stencil;

static int by_offset(const void *a, const void *b) {
  const StCnpPatch *x = a, *y = b;
  return (int)x->offset - (int)y->offset;
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const Stencil *)a)->name, ((const Stencil *)b)->name);
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: cnp_extract stencils.o out.h\n");
    return 2;
  }
  src_path = argv[1];
  FILE *in = fopen(argv[1], "rb");
  if (!in) fail("cannot open%s%s", "", "");
  fseek(in, 0, SEEK_END);
  long len = ftell(in);
  fseek(in, 0, SEEK_SET);
  unsigned char *buf = malloc((size_t)len);
  if (!buf || fread(buf, 1, (size_t)len, in) != (size_t)len) fail("cannot read%s%s", "", "");
  fclose(in);
  const Elf64_Ehdr *eh = (const Elf64_Ehdr *)buf;
  if (len < (long)sizeof *eh || memcmp(eh->e_ident, ELFMAG, SELFMAG) || eh->e_ident[EI_CLASS] != ELFCLASS64 ||
      eh->e_machine != EM_X86_64 || eh->e_type != ET_REL)
    fail("not an ELF64 x86-64 relocatable object%s%s", "", "");
  const Elf64_Shdr *sh = (const Elf64_Shdr *)(buf + eh->e_shoff);
  const Elf64_Shdr *symtab = NULL;
  for (int i = 0; i < eh->e_shnum; i++)
    if (sh[i].sh_type == SHT_SYMTAB) symtab = &sh[i];
  if (!symtab) fail("no symbol table%s%s", "", "");
  const Elf64_Sym *syms = (const Elf64_Sym *)(buf + symtab->sh_offset);
  size_t nsyms = symtab->sh_size / sizeof(Elf64_Sym);
  const char *strtab = (const char *)(buf + sh[symtab->sh_link].sh_offset);

  static Stencil stencils[256];
  int nst = 0;
  const char *prefix = "st_stencils_";
  for (size_t s = 0; s < nsyms; s++) {
    const Elf64_Sym *sym = &syms[s];
    const char *name = strtab + sym->st_name;
    if (ELF64_ST_TYPE(sym->st_info) != STT_FUNC) continue;
    if (strncmp(name, prefix, strlen(prefix))) fail("function %s is not a stencil (not inlined?)%s", name, "");
    if (sym->st_shndx == SHN_UNDEF || sym->st_shndx >= eh->e_shnum) fail("%s has no section%s", name, "");
    const Elf64_Shdr *sec = &sh[sym->st_shndx];
    if (sym->st_value != 0 || sym->st_size != sec->sh_size)
      fail("%s does not fill its own section (compile with -ffunction-sections)%s", name, "");
    if (nst == (int)(sizeof stencils / sizeof stencils[0])) fail("too many stencils%s%s", "", "");
    Stencil *st = &stencils[nst++];
    st->name = name + strlen(prefix);
    st->bytes = buf + sec->sh_offset;
    st->size = sec->sh_size;
    if (st->size > 0xFFFF) fail("%s is too large%s", name, "");
    for (int r = 0; r < eh->e_shnum; r++) {
      if (sh[r].sh_type == SHT_REL) fail("SHT_REL sections are not supported%s%s", "", "");
      if (sh[r].sh_type != SHT_RELA || sh[r].sh_info != sym->st_shndx) continue;
      const Elf64_Rela *rel = (const Elf64_Rela *)(buf + sh[r].sh_offset);
      size_t nrel = sh[r].sh_size / sizeof(Elf64_Rela);
      for (size_t k = 0; k < nrel; k++) {
        const Elf64_Sym *ts = &syms[ELF64_R_SYM(rel[k].r_info)];
        const char *tname = strtab + ts->st_name;
        if (ELF64_ST_TYPE(ts->st_info) == STT_SECTION && ts->st_shndx < eh->e_shnum) {
          const Elf64_Shdr *shstr = &sh[eh->e_shstrndx];
          tname = (const char *)(buf + shstr->sh_offset) + sh[ts->st_shndx].sh_name;
        }
        if (strncmp(tname, "_st_hole_", 9)) fail("%s references %s (only holes are allowed)", name, tname);
        int hole = -1;
        for (int h = 0; h < ST_CNP_HOLE_COUNT; h++)
          if (!strcmp(tname + 9, hole_names[h])) hole = h;
        if (hole < 0) fail("%s: unknown hole %s", name, tname);
        unsigned type = (unsigned)ELF64_R_TYPE(rel[k].r_info);
        int kind;
        switch (type) {
        case R_X86_64_64: kind = ST_CNP_PATCH_ABS64; break;
        case R_X86_64_32: kind = ST_CNP_PATCH_ABS32; break;
        case R_X86_64_32S: kind = ST_CNP_PATCH_ABS32S; break;
        case R_X86_64_PC32:
        case R_X86_64_PLT32: kind = ST_CNP_PATCH_REL32; break;
        default: fail("%s: unsupported relocation type against %s", name, tname);
        }
        size_t off = rel[k].r_offset;
        if (off + (kind == ST_CNP_PATCH_ABS64 ? 8 : 4) > st->size) fail("%s: relocation outside the code%s", name, "");
        if ((hole_classes[hole] == CLS_CODE) != (kind == ST_CNP_PATCH_REL32))
          fail("%s: hole %s used with the wrong addressing", name, tname);
        if (kind == ST_CNP_PATCH_REL32) {
          int is_jmp = off >= 1 && st->bytes[off - 1] == 0xE9;
          int is_jcc = off >= 2 && st->bytes[off - 2] == 0x0F && (st->bytes[off - 1] & 0xF0) == 0x80;
          if (!is_jmp && !is_jcc) fail("%s: %s is not reached by a tail jump (a call?)", name, tname);
        }
        if (st->npatches == 64) fail("%s: too many patches%s", name, "");
        st->patches[st->npatches++] = (StCnpPatch){(uint16_t)off, (uint8_t)hole, (uint8_t)kind, (int32_t)rel[k].r_addend};
      }
    }
    qsort(st->patches, (size_t)st->npatches, sizeof(StCnpPatch), by_offset);
    const StCnpPatch *last = st->npatches ? &st->patches[st->npatches - 1] : NULL;
    st->tail_cont = last && last->hole == ST_CNP_HOLE_CONT && (size_t)last->offset + 4 == st->size &&
                    st->size >= 5 && st->bytes[st->size - 5] == 0xE9 && last->addend == -4;
  }
  if (!nst) fail("no stencils found%s%s", "", "");
  qsort(stencils, (size_t)nst, sizeof(Stencil), by_name);

  FILE *out = fopen(argv[2], "w");
  if (!out) fail("cannot write %s%s", argv[2], "");
  fprintf(out, "/* Generated by cnp_extract from %s: do not edit. */\n", argv[1]);
  fprintf(out, "#ifndef ST_CNP_STENCILS_GENERATED_H\n#define ST_CNP_STENCILS_GENERATED_H\n\n");
  fprintf(out, "#include \"backends/cnp/cnp_holes.h\"\n\n");
  fprintf(out, "typedef enum StCnpStencilId {\n");
  for (int i = 0; i < nst; i++) fprintf(out, "  ST_CNP_STENCIL_%s,\n", stencils[i].name);
  fprintf(out, "  ST_CNP_STENCIL_COUNT\n} StCnpStencilId;\n\n");
  size_t total = 0;
  for (int i = 0; i < nst; i++) {
    Stencil *st = &stencils[i];
    total += st->size;
    fprintf(out, "static const unsigned char st_cnp_bytes_%s[%zu] = {", st->name, st->size);
    for (size_t b = 0; b < st->size; b++)
      fprintf(out, "%s0x%02x", b == 0 ? "\n  " : b % 16 ? ", " : ",\n  ", st->bytes[b]);
    fprintf(out, "\n};\n");
    if (st->npatches) {
      fprintf(out, "static const StCnpPatch st_cnp_patches_%s[%d] = {\n", st->name, st->npatches);
      for (int p = 0; p < st->npatches; p++)
        fprintf(out, "  {%u, ST_CNP_HOLE_%s, %u, %d},\n", st->patches[p].offset, hole_names[st->patches[p].hole],
                st->patches[p].kind, st->patches[p].addend);
      fprintf(out, "};\n");
    }
  }
  fprintf(out, "\nstatic const StCnpStencil st_cnp_stencils[ST_CNP_STENCIL_COUNT] = {\n");
  for (int i = 0; i < nst; i++) {
    Stencil *st = &stencils[i];
    fprintf(out, "  {\"%s\", st_cnp_bytes_%s, %zu, %d, %s%s, %s},\n", st->name, st->name, st->size, st->npatches,
            st->npatches ? "st_cnp_patches_" : "NULL", st->npatches ? st->name : "", st->tail_cont ? "true" : "false");
  }
  fprintf(out, "};\n\n/* %d stencils, %zu bytes of code */\n#endif\n", nst, total);
  fclose(out);
  free(buf);
  return 0;
}
