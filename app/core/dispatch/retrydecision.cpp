// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/retrydecision.h"

using namespace Qt::StringLiterals;

namespace wb::core {

namespace {
struct KindCode
{
    DecisionKind kind;
    const char *code;
};
constexpr KindCode kKindCodes[] = {
        {DecisionKind::Succeeded, "succeeded"},
        {DecisionKind::Retry, "retry"},
        {DecisionKind::RateLimited, "rate_limited"},
        {DecisionKind::Dead, "dead"},
        {DecisionKind::Failed, "failed"},
        {DecisionKind::DestinationDisabled, "destination_disabled"},
        {DecisionKind::RefreshAndRetry, "refresh_and_retry"},
};
} // namespace

QString decisionKindCode(DecisionKind kind)
{
    for (const KindCode &entry : kKindCodes) {
        if (entry.kind == kind)
            return QString::fromLatin1(entry.code);
    }
    return {};
}

std::optional<DecisionKind> decisionKindFromCode(const QString &code)
{
    for (const KindCode &entry : kKindCodes) {
        if (code == QLatin1StringView(entry.code))
            return entry.kind;
    }
    return std::nullopt;
}

} // namespace wb::core
