/* backends/helpers.h: the runtime functions compiled code calls, as one table.
 *
 * X(NAME, "signature") where the signature's first letter is the return type and the rest the
 * parameter types:
 *   V StValue   P pointer (StVM *, StFrame *, StCode *, StValue *)   I int32   U uint32
 *   D double    B bool (returned as int32 0/1)    _ void (return type only)
 * The IR's CALL instruction names a helper by id (imm) and passes IR values in order; the
 * backends build the C function types from the signatures. The addresses are filled by
 * tiers/jit_helpers.c at start-up (helpers live on the floors below and in tiers/).
 *
 * Conventions: helpers returning V use ST_EXCEPTION for "threw" (the IR checks and leaves
 * through the call's snapshot); helpers returning I use -1 for "threw".
 */
#ifndef ST_BACKENDS_HELPERS_H
#define ST_BACKENDS_HELPERS_H

#define ST_HELPERS(X) \
  X(DEOPT, "VPPPU")          /* st_deopt_exit(vm, frame, code, exit) */ \
  X(ADD, "VPVV")             /* st_ops_add */ \
  X(ARITH, "VPIVV")          /* st_ops_arith(vm, op, a, b) */ \
  X(COMPARE, "IPIVV")        /* st_ops_compare(vm, op, a, b) */ \
  X(LOOSE_EQ, "IPVV")        /* st_ops_loose_equals */ \
  X(STRICT_EQ, "IPVV")       /* st_ops_strict_equals */ \
  X(TO_NUMBER, "VPV")        /* st_ops_to_number */ \
  X(TRUTHY, "IV")            /* st_value_truthy */ \
  X(TYPEOF, "VPV")           /* typeof as a string value */ \
  X(GET_PROP, "VPVV")        /* st_value_get(vm, obj, key) */ \
  X(SET_PROP, "IPVVVI")      /* st_value_set(vm, obj, key, v, strict) */ \
  X(GET_ELEM, "VPVV")        /* st_value_get_elem */ \
  X(SET_ELEM, "IPVVVI")      /* st_value_set_elem */ \
  X(GET_GLOBAL, "VPV")       /* global lookup, ReferenceError when missing */ \
  X(SET_GLOBAL, "IPVVI")     /* global store */ \
  X(CALL, "VPPVII")          /* st_jit_call(vm, frame, fn, window, argc): this and the
                                arguments are frame registers window, window+1 ... */ \
  X(CONSTRUCT, "VPVUPV")     /* st_jit_construct(vm, fn, argc, argv, new_target) */ \
  X(FMOD, "DDD")             /* st_ops_mod */ \
  X(POW, "DDD")              /* st_ops_pow */ \
  X(NEW_ARRAY, "VPUP")       /* st_jit_array(vm, n, items) */ \
  X(NEW_OBJECT, "VPP")       /* st_jit_object(vm, shape) */ \
  X(ADD_PROP, "IPVVV")       /* st_jit_add_prop(vm, obj, key, v): transitioning store */ \
  X(ARRAY_PUSH, "IPVV")      /* st_jit_array_push(vm, arr, v) */ \
  X(CHECK_INTERRUPT, "IPP")  /* st_jit_interrupt(vm, frame): heap exhaustion, stack */ \
  X(DEOPT_EVERY, "IPP")      /* st_jit_deopt_every(vm, code): --deopt-every=N counter */ \
  X(TO_STRING, "VPV")        /* ToString as a value */ \
  X(CONCAT2, "VPVV")         /* string + string */ \
  X(INSTANCEOF, "IPVV")      /* st_ops_instance_of */ \
  X(IN, "IPVV")              /* st_ops_in */ \
  X(CLOSURE, "VPPP")         /* st_jit_closure(vm, proto, frame) */ \
  X(MATH1, "DID")            /* st_jit_math1(fn, x): sin cos ... */ \
  X(STEP, "IPPU")            /* st_interp_step(vm, frame, pc offset): one bytecode out of line,
                                on the frame's registers (interp/step.h); -1: threw */ \
  X(NEW, "VPPVII")           /* st_jit_new(vm, frame, fn, window, argc): new.target in register
                                window, the arguments from window+1 */ \
  X(STEP_JUMP, "IPPU")       /* st_interp_step_jump(vm, frame, pc offset): ITERNEXT/FORINNEXT;
                                1 jump taken, 0 fall through, -1 threw */

typedef enum StIrHelper {
#define ST_HELPER_ENUM(name, sig) ST_HELPER_##name,
  ST_HELPERS(ST_HELPER_ENUM)
#undef ST_HELPER_ENUM
  ST_HELPER_COUNT
} StIrHelper;

#endif
