// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/oauth/validitycheck.h"

#include "core/util/nametable.h"

namespace wb::core {

namespace {
using Verdict = ValidityCheck::Verdict;
constexpr std::array verdictNames{std::pair{Verdict::Valid, u"valid"},
                                  std::pair{Verdict::Invalid, u"invalid"},
                                  std::pair{Verdict::Unknown, u"unknown"}};
} // namespace

QString nameOf(ValidityCheck::Verdict verdict)
{
    return nameIn(verdictNames, verdict);
}

std::optional<ValidityCheck::Verdict> validityVerdictFromName(const QString &name)
{
    return valueIn(verdictNames, name);
}

} // namespace wb::core
