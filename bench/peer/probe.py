# SPDX-License-Identifier: MIT
"""What ../shared/peer/bench_darts_cnn.py records about the machine before and after a run
(it imports `probe` from its own folder, which does not ship one): load average and time.
bench/run_side_by_side.sh puts this folder on PYTHONPATH."""
import os
import time


def probe():
    return {"loadavg": os.getloadavg(), "time": time.time()}
