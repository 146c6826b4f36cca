// SPDX-License-Identifier: MIT
// Everything of torchcompat lives in its header; this unit checks that it compiles on its own.
#include "sparsenas/torchcompat.h"
