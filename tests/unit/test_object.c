/* tests/unit/test_object.c: the object model: shapes and transitions, dictionary mode,
 * elements (dense, holey, sparse), array length, descriptors, enumeration order, prototype
 * chains, integrity levels. Runs against a bare VM (no built-ins), also under GC stress. */
#include "objects/function.h"
#include "objects/object.h"
#include "objects/ops.h"
#include "tests/unit/check.h"

#include <stdlib.h>

static StVM *vm;

static StValue key(const char *s) { return st_string_value(st_string_intern_cstr(vm, s)); }

static StObject *plain(void) {
  StObject *o = st_object_new(vm, NULL, 4);
  ST_EXPECT(o != NULL);
  return o;
}

static int32_t get_int(StObject *o, const char *k) {
  StValue v = st_object_get(vm, o, key(k), st_object_value(o));
  return st_is_int(v) ? st_get_int(v) : -999;
}

static void test_shapes_shared(void) {
  StObject *a = plain(), *b = plain();
  ST_EXPECT(a->shape == b->shape);
  st_object_add(vm, a, key("x"), st_int(1), ST_ATTR_DEFAULT);
  st_object_add(vm, a, key("y"), st_int(2), ST_ATTR_DEFAULT);
  st_object_add(vm, b, key("x"), st_int(3), ST_ATTR_DEFAULT);
  st_object_add(vm, b, key("y"), st_int(4), ST_ATTR_DEFAULT);
  ST_EXPECT(a->shape == b->shape); /* same transitions, same shape */
  StObject *c = plain();
  st_object_add(vm, c, key("y"), st_int(5), ST_ATTR_DEFAULT);
  st_object_add(vm, c, key("x"), st_int(6), ST_ATTR_DEFAULT);
  ST_EXPECT(c->shape != a->shape); /* other order, other shape */
  ST_EXPECT_EQ_INT(get_int(a, "y"), 2);
  ST_EXPECT_EQ_INT(get_int(b, "x"), 3);
  ST_EXPECT_EQ_INT(get_int(c, "x"), 6);
  ST_EXPECT(!st_shape_is_dict(a->shape));
}

static void test_overflow_slots(void) {
  StObject *o = plain();
  char name[16];
  for (int i = 0; i < 100; i++) {
    snprintf(name, sizeof name, "p%d", i);
    ST_EXPECT(st_object_add(vm, o, key(name), st_int(i), ST_ATTR_DEFAULT));
  }
  int bad = 0;
  for (int i = 0; i < 100; i++) {
    snprintf(name, sizeof name, "p%d", i);
    if (get_int(o, name) != i) bad++;
  }
  ST_EXPECT_EQ_INT(bad, 0);
  /* Past ST_SHAPE_MAX_FAST_PROPS the object becomes a dictionary and keeps working. */
  for (int i = 100; i < 300; i++) {
    snprintf(name, sizeof name, "p%d", i);
    st_object_add(vm, o, key(name), st_int(i), ST_ATTR_DEFAULT);
  }
  ST_EXPECT(st_shape_is_dict(o->shape));
  ST_EXPECT_EQ_INT(get_int(o, "p7"), 7);
  ST_EXPECT_EQ_INT(get_int(o, "p299"), 299);
}

static void test_delete_and_dictionary(void) {
  StObject *o = plain();
  st_object_add(vm, o, key("a"), st_int(1), ST_ATTR_DEFAULT);
  st_object_add(vm, o, key("b"), st_int(2), ST_ATTR_DEFAULT);
  st_object_add(vm, o, key("c"), st_int(3), ST_ATTR_DEFAULT);
  ST_EXPECT_EQ_INT(st_object_delete(vm, o, key("b"), true), 1);
  ST_EXPECT(st_shape_is_dict(o->shape));
  ST_EXPECT_EQ_INT(st_object_has(vm, o, key("b")), 0);
  ST_EXPECT_EQ_INT(get_int(o, "c"), 3);
  /* Re-adding goes to the end of the enumeration order. */
  st_object_add(vm, o, key("b"), st_int(20), ST_ATTR_DEFAULT);
  StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS);
  ST_EXPECT_EQ_INT(st_array_length(keys), 3);
  ST_EXPECT(st_string_equals_cstr(vm, st_get_string(keys->elements->data[0]), "a"));
  ST_EXPECT(st_string_equals_cstr(vm, st_get_string(keys->elements->data[1]), "c"));
  ST_EXPECT(st_string_equals_cstr(vm, st_get_string(keys->elements->data[2]), "b"));
  /* Churn in dictionary mode reuses slots instead of growing without bound. */
  for (int i = 0; i < 10000; i++) {
    st_object_add(vm, o, key("tmp"), st_int(i), ST_ATTR_DEFAULT);
    st_object_delete(vm, o, key("tmp"), true);
  }
  ST_EXPECT(o->shape->table->next_slot < 16);
  ST_EXPECT_EQ_INT(get_int(o, "b"), 20);
}

static void test_enumeration_order(void) {
  StObject *o = plain();
  st_object_add(vm, o, key("z"), st_int(1), ST_ATTR_DEFAULT);
  st_object_set_index(vm, o, 10, st_int(2), st_object_value(o), true);
  st_object_add(vm, o, key("a"), st_int(3), ST_ATTR_DEFAULT);
  st_object_set_index(vm, o, 2, st_int(4), st_object_value(o), true);
  StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS);
  ST_EXPECT_EQ_INT(st_array_length(keys), 4);
  const char *want[] = {"2", "10", "z", "a"};
  for (int i = 0; i < 4; i++)
    ST_EXPECT(st_string_equals_cstr(vm, st_get_string(keys->elements->data[i]), want[i]));
}

static void test_arrays(void) {
  StObject *a = st_array_new(vm, 0);
  for (int i = 0; i < 1000; i++) ST_EXPECT(st_array_push(vm, a, st_int(i)));
  ST_EXPECT_EQ_INT(st_array_length(a), 1000);
  ST_EXPECT_EQ_INT(st_object_elems_kind(a), ST_ELEMS_INT32);
  ST_EXPECT(!(a->hdr.flags & ST_OBJECT_HOLEY));
  st_array_push(vm, a, st_double(1.5));
  ST_EXPECT_EQ_INT(st_object_elems_kind(a), ST_ELEMS_DOUBLE);
  st_array_push(vm, a, ST_NULL);
  ST_EXPECT_EQ_INT(st_object_elems_kind(a), ST_ELEMS_GENERIC);
  /* A write past the end leaves holes. */
  st_object_set_index(vm, a, 1005, st_int(7), st_object_value(a), true);
  ST_EXPECT_EQ_INT(st_array_length(a), 1006);
  ST_EXPECT(a->hdr.flags & ST_OBJECT_HOLEY);
  ST_EXPECT_EQ_INT(st_object_has_index(vm, a, 1003), 0);
  /* Truncation through length. */
  ST_EXPECT_EQ_INT(st_array_set_length(vm, a, 10, true), 1);
  ST_EXPECT_EQ_INT(st_array_length(a), 10);
  ST_EXPECT_EQ_INT(st_object_has_index(vm, a, 10), 0);
  ST_EXPECT(st_object_get_index(vm, a, 9, st_object_value(a)) == st_int(9));
  /* A huge index goes sparse instead of allocating gigabytes. */
  st_object_set_index(vm, a, 4000000000u, st_int(1), st_object_value(a), true);
  ST_EXPECT(a->hdr.flags & ST_OBJECT_SPARSE);
  ST_EXPECT(st_array_length(a) == 4000000001u);
  ST_EXPECT(st_object_get_index(vm, a, 4000000000u, st_object_value(a)) == st_int(1));
  ST_EXPECT(st_object_get_index(vm, a, 3, st_object_value(a)) == st_int(3));
  /* Invalid lengths are RangeErrors. */
  ST_EXPECT_EQ_INT(st_array_set_length(vm, a, -1, true), -1);
  ST_EXPECT(st_vm_has_exception(vm));
  st_vm_take_exception(vm);
}

static void test_descriptors(void) {
  StObject *o = plain();
  StPropDesc d = {.value = st_int(1), .has_value = true, .has_writable = true, .writable = false,
                  .has_enumerable = true, .enumerable = false, .has_configurable = true,
                  .configurable = false};
  ST_EXPECT_EQ_INT(st_object_define_desc(vm, o, key("k"), &d), 1);
  /* Read-only: sloppy writes are ignored, strict writes throw. */
  ST_EXPECT_EQ_INT(st_object_set(vm, o, key("k"), st_int(2), st_object_value(o), false), 0);
  ST_EXPECT_EQ_INT(get_int(o, "k"), 1);
  ST_EXPECT_EQ_INT(st_object_set(vm, o, key("k"), st_int(2), st_object_value(o), true), -1);
  st_vm_take_exception(vm);
  /* Non-configurable: redefinition to writable is refused, delete refused. */
  StPropDesc w = {.has_writable = true, .writable = true};
  ST_EXPECT_EQ_INT(st_object_define_desc(vm, o, key("k"), &w), 0);
  ST_EXPECT_EQ_INT(st_object_delete(vm, o, key("k"), false), 0);
  StPropDesc got;
  ST_EXPECT_EQ_INT(st_object_get_own_desc(vm, o, key("k"), &got), 1);
  ST_EXPECT(!got.writable && !got.enumerable && !got.configurable);
  /* Not enumerable: own_keys with ST_KEYS_ENUMERABLE skips it. */
  StObject *keys = st_object_own_keys(vm, o, ST_KEYS_STRINGS | ST_KEYS_ENUMERABLE);
  ST_EXPECT_EQ_INT(st_array_length(keys), 0);
}

static void test_prototype_chain(void) {
  StObject *proto = plain();
  st_object_add(vm, proto, key("inherited"), st_int(42), ST_ATTR_DEFAULT);
  StObject *o = st_object_new(vm, proto, 4);
  ST_EXPECT(proto->hdr.flags & ST_OBJECT_IS_PROTOTYPE);
  ST_EXPECT_EQ_INT(get_int(o, "inherited"), 42);
  /* Writing shadows on the receiver. */
  st_object_set(vm, o, key("inherited"), st_int(1), st_object_value(o), true);
  ST_EXPECT_EQ_INT(get_int(o, "inherited"), 1);
  ST_EXPECT_EQ_INT(get_int(proto, "inherited"), 42);
  /* A cycle is refused. */
  ST_EXPECT_EQ_INT(st_object_set_proto(vm, proto, o), 0);
  /* Changing a prototype's properties bumps the epoch caches depend on. */
  uint32_t epoch = vm->proto_epoch;
  st_object_add(vm, proto, key("later"), st_int(1), ST_ATTR_DEFAULT);
  ST_EXPECT(vm->proto_epoch != epoch);
}

static void test_freeze(void) {
  StObject *o = plain();
  st_object_add(vm, o, key("a"), st_int(1), ST_ATTR_DEFAULT);
  st_object_set_index(vm, o, 0, st_int(5), st_object_value(o), true);
  ST_EXPECT(!st_object_is_frozen(vm, o));
  ST_EXPECT(st_object_freeze(vm, o));
  ST_EXPECT(st_object_is_frozen(vm, o));
  ST_EXPECT(st_object_is_sealed(vm, o));
  ST_EXPECT_EQ_INT(st_object_set(vm, o, key("a"), st_int(2), st_object_value(o), false), 0);
  ST_EXPECT_EQ_INT(st_object_set_index(vm, o, 0, st_int(6), st_object_value(o), false), 0);
  ST_EXPECT_EQ_INT(st_object_set(vm, o, key("new"), st_int(2), st_object_value(o), false), 0);
  ST_EXPECT(st_object_get_index(vm, o, 0, st_object_value(o)) == st_int(5));
}

static void test_conversions(void) {
  /* ToNumber of strings, ToString of numbers, loose equality tables. */
  StValue s = st_string_value(st_string_from_cstr(vm, "  42  "));
  StValue n = st_ops_to_number(vm, s);
  ST_EXPECT(st_get_number(n) == 42);
  ST_EXPECT_EQ_INT(st_ops_loose_equals(vm, s, st_int(42)), 1);
  ST_EXPECT_EQ_INT(st_ops_loose_equals(vm, ST_NULL, ST_UNDEFINED), 1);
  ST_EXPECT_EQ_INT(st_ops_loose_equals(vm, ST_NULL, st_int(0)), 0);
  ST_EXPECT(!st_ops_strict_equals(vm, st_double(NAN), st_double(NAN)));
  ST_EXPECT(st_ops_same_value(vm, st_double(NAN), st_double(NAN)));
  ST_EXPECT(!st_ops_same_value(vm, st_double(-0.0), st_int(0)));
  ST_EXPECT(st_ops_same_value_zero(vm, st_double(-0.0), st_int(0)));
  ST_EXPECT(st_ops_strict_equals(vm, st_double(3.0), st_int(3)));
  StValue sum = st_ops_add(vm, st_int(INT32_MAX), st_int(1));
  ST_EXPECT(st_is_double(sum) && st_get_double(sum) == 2147483648.0);
  StString *str = st_ops_to_string(vm, st_double(0.1 + 0.2));
  ST_EXPECT(st_string_equals_cstr(vm, str, "0.30000000000000004"));
  ST_EXPECT_EQ_INT(st_ops_compare(vm, ST_CMP_LT, st_double(NAN), st_int(1)), 0);
  ST_EXPECT_EQ_INT(st_ops_compare(vm, ST_CMP_GE, st_double(NAN), st_int(1)), 0);
}

static void run_all(void) {
  ST_RUN(test_shapes_shared);
  ST_RUN(test_overflow_slots);
  ST_RUN(test_delete_and_dictionary);
  ST_RUN(test_enumeration_order);
  ST_RUN(test_arrays);
  ST_RUN(test_descriptors);
  ST_RUN(test_prototype_chain);
  ST_RUN(test_freeze);
  ST_RUN(test_conversions);
}

int main(void) {
  int base;
  StFlags flags;
  st_flags_init(&flags);
  vm = st_vm_new(&flags);
  st_gc_set_stack_base(vm->heap, &base);
  run_all();
  /* Everything again with a collection before every allocation. */
  st_gc_set_stress(vm->heap, true);
  run_all();
  st_gc_set_stress(vm->heap, false);
  st_vm_free(vm);
  return st_check_report();
}
