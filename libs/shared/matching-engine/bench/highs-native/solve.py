"""
Native HiGHS (the `highspy` wheel, 64-bit) on a round file written by bench/lemon.ts's
writeLemonRound: the same assignment LP as src/testing/highs-reference.ts (mentee rows <= 1,
mentor rows <= capacity, 0 <= x <= 1, maximize points). Benchmark only, for the 100k round that
the WebAssembly build of HiGHS cannot hold in its memory. Times run() only: CPU time of this process
(time.process_time) and wall time. Arguments: round file, time limit in seconds.
Prints one JSON line.
"""
import json
import resource
import sys
import time

import highspy
import numpy as np

path, limit = sys.argv[1], float(sys.argv[2])
data = np.fromfile(path, dtype="<i4")
m, n, e, objective = (int(x) for x in data[:4])
if objective != 0:
    raise SystemExit("only max-score rounds")
capacity = data[4 : 4 + n].astype(np.float64)
mentee = data[4 + n : 4 + n + e]
mentor = data[4 + n + e : 4 + n + 2 * e]
points = data[4 + n + 2 * e : 4 + n + 3 * e].astype(np.float64)

lp = highspy.HighsLp()
lp.num_col_ = e
lp.num_row_ = m + n
lp.sense_ = highspy.ObjSense.kMaximize
lp.col_cost_ = points
lp.col_lower_ = np.zeros(e)
lp.col_upper_ = np.ones(e)
lp.row_lower_ = np.full(m + n, -highspy.kHighsInf)
lp.row_upper_ = np.concatenate([np.ones(m), capacity])
lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
lp.a_matrix_.start_ = np.arange(0, 2 * e + 1, 2, dtype=np.int32)
index = np.empty(2 * e, dtype=np.int32)
index[0::2] = mentee
index[1::2] = m + mentor
lp.a_matrix_.index_ = index
lp.a_matrix_.value_ = np.ones(2 * e)

h = highspy.Highs()
h.setOptionValue("output_flag", False)
h.setOptionValue("time_limit", limit)
h.setOptionValue("threads", 1)
h.passModel(lp)
c0, t0 = time.process_time(), time.perf_counter()
h.run()
cpu_ms, run_ms = (time.process_time() - c0) * 1000, (time.perf_counter() - t0) * 1000
status = h.getModelStatus()
finished = status == highspy.HighsModelStatus.kOptimal
x = np.asarray(h.getSolution().col_value) if finished else None
print(
    json.dumps(
        {
            "objective": round(h.getInfo().objective_function_value) if finished else None,
            "matched": int((x > 0.5).sum()) if finished else None,
            "solveMs": run_ms,
            "cpuMs": cpu_ms,
            "finished": bool(finished),
            "status": h.modelStatusToString(status),
            "maxRssBytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
            "version": highspy.__version__ if hasattr(highspy, "__version__") else "",
        }
    )
)
