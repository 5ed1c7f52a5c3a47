/* backends/cnp/cnp_holes.h: the holes of the copy-and-patch stencils, as one table.
 *
 * A hole is an extern symbol `_st_hole_<NAME>` that a stencil (backends/cnp/stencils.c)
 * references; the C compiler leaves a relocation against it in the stencil's object code, the
 * build-time tool (cnp_extract.c) turns each relocation into a patch record, and the run-time
 * patcher (cnp.c) writes the hole's value for one bytecode instruction there.
 *
 * X(NAME, class) where class says how stencils use the symbol:
 *   SMALL  an operand that fits in 32 bits: the symbol is declared as a 1-byte object, so the
 *          compiler (-mcmodel=medium, -fno-pic) addresses it with a 32-bit absolute relocation
 *          (R_X86_64_32 / R_X86_64_32S), often folded into an addressing mode.
 *   LARGE  a 64-bit value (pointer, boxed constant): declared as a huge object, so the medium
 *          code model loads it with movabs (R_X86_64_64).
 *   CODE   a code address in the same buffer: declared as a function with the stencil
 *          signature and reached by a (conditional) tail jump, rel32 (R_X86_64_PLT32/PC32).
 *
 * Invariant: stencils never compare a SMALL or LARGE hole's address against a constant
 * without laundering it through ST_CNP_HOLE_VAL (the compiler assumes symbol addresses are
 * non-null; an operand may well be 0).
 */
#ifndef ST_BACKENDS_CNP_CNP_HOLES_H
#define ST_BACKENDS_CNP_CNP_HOLES_H

#include <stdbool.h>
#include <stdint.h>

#define ST_CNP_HOLES(X) \
  X(R1, SMALL)        /* byte offset from the frame pointer of register operand 1 */ \
  X(R2, SMALL) \
  X(R3, SMALL) \
  X(R4, SMALL) \
  X(U1, SMALL)        /* raw operand 1 (u16, or the int32 of an I operand) */ \
  X(U2, SMALL) \
  X(U3, SMALL) \
  X(PC, SMALL)        /* bytecode offset of the instruction */ \
  X(EXIT, SMALL)      /* deopt-table exit id of the instruction */ \
  X(K, LARGE)         /* the boxed constant of the instruction's K operand */ \
  X(FB, LARGE)        /* address of the instruction's feedback slot */ \
  X(CODE, LARGE)      /* the StCode being compiled */ \
  X(PROTO, LARGE)     /* the StProto being compiled */ \
  X(FN_EXEC, LARGE)   /* st_cnp_rt_exec: one straight-line instruction, generic */ \
  X(FN_CALL, LARGE)   /* st_cnp_rt_call: CALL, NEW and their spread forms */ \
  X(FN_JUMP, LARGE)   /* st_cnp_rt_jump: one conditional jump, generic */ \
  X(FN_LOOP, LARGE)   /* st_cnp_rt_loop: the tier check of a loop header */ \
  X(FN_EXIT, LARGE)   /* st_deopt_exit: leave to the interpreter */ \
  X(CONT, CODE)       /* the next instruction's code */ \
  X(TARGET, CODE)     /* the jump target's code */ \
  X(SLOW, CODE)       /* the generic (out-of-line) version of this instruction */

typedef enum StCnpHole {
#define ST_CNP_HOLE_ENUM(name, cls) ST_CNP_HOLE_##name,
  ST_CNP_HOLES(ST_CNP_HOLE_ENUM)
#undef ST_CNP_HOLE_ENUM
  ST_CNP_HOLE_COUNT
} StCnpHole;

/* How a patch is written (from the relocation type). */
typedef enum StCnpPatchKind {
  ST_CNP_PATCH_ABS64,   /* 8 bytes: S + A */
  ST_CNP_PATCH_ABS32,   /* 4 bytes, zero-extended: S + A < 2^32 */
  ST_CNP_PATCH_ABS32S,  /* 4 bytes, sign-extended: S + A fits int32 */
  ST_CNP_PATCH_REL32,   /* 4 bytes: S + A - P fits int32 */
} StCnpPatchKind;

typedef struct StCnpPatch {
  uint16_t offset;   /* in the stencil's bytes */
  uint8_t hole;      /* StCnpHole */
  uint8_t kind;      /* StCnpPatchKind */
  int32_t addend;
} StCnpPatch;

typedef struct StCnpStencil {
  const char *name;
  const unsigned char *bytes;
  uint16_t size;        /* bytes, including a trailing jump to CONT if any */
  uint16_t npatches;
  const StCnpPatch *patches;
  bool tail_cont;       /* ends with `jmp CONT` (5 bytes, the last patch): dropped when the
                           continuation is placed right after */
} StCnpStencil;

#endif
