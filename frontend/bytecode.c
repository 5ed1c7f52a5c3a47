/* frontend/bytecode.c: the opcode table and operand decoding. */
#include "frontend/bytecode.h"

/* Instruction size from the format: one unit per operand, two for I and J. Evaluated at
 * compile time (the guarded index keeps every access inside the literal). */
#define WIDE_AT(f, k) \
  (sizeof(f) > (k) + 1 ? ((f)[sizeof(f) > (k) + 1 ? (k) : 0] == 'I' || \
                          (f)[sizeof(f) > (k) + 1 ? (k) : 0] == 'J') \
                       : 0)
#define INSN_SIZE(f) \
  (1 + (sizeof(f) - 1) + WIDE_AT(f, 0) + WIDE_AT(f, 1) + WIDE_AT(f, 2) + WIDE_AT(f, 3) + \
   WIDE_AT(f, 4) + WIDE_AT(f, 5))

const StOpInfo st_bytecode_info[ST_OP_COUNT] = {
#define ST_OP_INFO(name, fmt, fb, flags) {#name, fmt, ST_FB_##fb, flags, INSN_SIZE(fmt)},
    ST_BYTECODES(ST_OP_INFO)
#undef ST_OP_INFO
};

int st_bytecode_operand_offset(uint16_t op, int n) {
  const char *f = st_bytecode_info[op].format;
  int off = 1;
  for (int i = 0; i < n; i++) off += (f[i] == 'I' || f[i] == 'J') ? 2 : 1;
  return off;
}

int32_t st_bytecode_operand(const uint16_t *insn, int n) {
  const char *f = st_bytecode_info[insn[0]].format;
  const uint16_t *p = insn + st_bytecode_operand_offset(insn[0], n);
  switch (f[n]) {
  case 'I':
  case 'J': return st_bytecode_i32(p);
  case 's': return (int16_t)p[0];
  default: return p[0];
  }
}

uint32_t st_bytecode_jump_target(const uint16_t *code, uint32_t pc) {
  const uint16_t *insn = code + pc;
  const char *f = st_bytecode_info[insn[0]].format;
  for (int i = 0; f[i]; i++)
    if (f[i] == 'J') return (uint32_t)((int64_t)pc + st_bytecode_operand(insn, i));
  ST_UNREACHABLE();
}
