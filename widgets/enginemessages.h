// SPDX-License-Identifier: MIT
#pragma once

// The engine (core/) writes its messages in English, to log.txt and to the observers, and the
// CLI prints them as they are. The studio shows the ones it knows in its own language: a table
// of the engine's fixed messages, each a pattern with the variable parts (numbers, paths, the
// engine's own reasons) passed through. A message the table does not know (a new one, or one
// whose wording changed) is shown in English, as before.

#include <QString>

namespace sparsenas {

/// `text` (an engine message) in the studio's language where the table knows it, with the
/// cell names' subscripts (withCellSubscripts) either way.
QString presentEngineMessage(const QString &text);

} // namespace sparsenas
