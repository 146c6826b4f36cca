// SPDX-License-Identifier: MIT
#pragma once

#include <QLocale>

namespace sparsenas {

/// Installs the studio's translations (German, Simplified Chinese; compiled into the program
/// under :/i18n) and Qt's own for `locale`. Returns whether the studio's own were found (false
/// for English, which needs none).
bool installStudioTranslations(const QLocale &locale);

} // namespace sparsenas
