/* backends/bcinfo.h: facts about a proto's bytecode that the IR builder needs: basic blocks,
 * which register operands each instruction reads and writes, and register liveness (so a
 * snapshot records only the registers the interpreter will read after resuming).
 *
 * Invariant: `live_in[pc]` is only computed at block starts and at instructions where a
 * snapshot may resume (every instruction: we store per-instruction live-in sets lazily via
 * st_bcinfo_live_at, which walks backward from the block end).
 */
#ifndef ST_BACKENDS_BCINFO_H
#define ST_BACKENDS_BCINFO_H

#include "frontend/bytecode.h"
#include "objects/function.h"

typedef struct StBcBlock {
  uint32_t start, end;   /* [start, end) in code units */
  uint32_t succ[2];      /* block indices; UINT32_MAX when absent */
  uint32_t nsucc;
  bool is_loop_header;   /* starts with LOOPHEAD */
  bool is_handler;       /* an exception handler entry */
  uint64_t *live_in;     /* bitset over registers */
} StBcBlock;

typedef struct StBcInfo {
  StProto *proto;
  uint32_t nblocks;
  StBcBlock *blocks;
  uint32_t *block_of;    /* code unit -> block index (for instruction starts) */
  uint32_t words;        /* bitset words per register set */
} StBcInfo;

/* Register operands: reads and writes of one instruction (including implicit ones: call
 * windows, CONCAT ranges, iterator records). Returns the count written into the arrays
 * (each at most ST_BCINFO_MAX_OPERANDS; ranges beyond that are marked by *range_*). */
typedef struct StBcRegs {
  uint32_t nreads, nwrites;
  uint32_t reads[8], writes[4];
  uint32_t read_range_start, read_range_len; /* a contiguous read range (call args ...) */
} StBcRegs;

void st_bcinfo_regs(const uint16_t *insn, StBcRegs *out);

bool st_bcinfo_build(StBcInfo *bi, StProto *p);
void st_bcinfo_free(StBcInfo *bi);
/* Live-in registers at instruction pc (a bitset the caller frees). */
uint64_t *st_bcinfo_live_at(StBcInfo *bi, uint32_t pc);

ST_INLINE bool st_bcinfo_bit(const uint64_t *set, uint32_t r) { return (set[r >> 6] >> (r & 63)) & 1; }

#endif
