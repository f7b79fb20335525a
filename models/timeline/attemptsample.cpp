// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/timeline/attemptsample.h"

#include <array>

using namespace Qt::StringLiterals;

namespace wb::models {

namespace {
struct DecisionName
{
    AttemptDecision decision;
    QLatin1StringView code;
};

constexpr std::array decisionNames{
        DecisionName{AttemptDecision::Succeeded, "succeeded"_L1},
        DecisionName{AttemptDecision::Retry, "retry"_L1},
        DecisionName{AttemptDecision::RateLimited, "rate_limited"_L1},
        DecisionName{AttemptDecision::Dead, "dead"_L1},
        DecisionName{AttemptDecision::Failed, "failed"_L1},
        DecisionName{AttemptDecision::DestinationDisabled, "destination_disabled"_L1},
        DecisionName{AttemptDecision::RefreshAndRetry, "refresh_and_retry"_L1},
};
} // namespace

QString decisionCode(AttemptDecision decision)
{
    for (const DecisionName &name : decisionNames) {
        if (name.decision == decision)
            return QString(name.code);
    }
    return {};
}

std::optional<AttemptDecision> decisionFromCode(const QString &code)
{
    for (const DecisionName &name : decisionNames) {
        if (code == name.code)
            return name.decision;
    }
    return std::nullopt;
}

bool isRetryDecision(AttemptDecision decision)
{
    return decision == AttemptDecision::Retry || decision == AttemptDecision::RateLimited
           || decision == AttemptDecision::RefreshAndRetry;
}

OutcomeClass classifyOutcome(const AttemptSample &sample)
{
    if (sample.decision == AttemptDecision::Dead)
        return OutcomeClass::DeadLetter;
    const int status = sample.httpStatus;
    if (status >= 200 && status < 300)
        return OutcomeClass::Success;
    if (status == 429 || sample.decision == AttemptDecision::RateLimited)
        return OutcomeClass::RateLimited;
    if (status >= 500 && status < 600)
        return OutcomeClass::ServerError;
    if (status == 0)
        return OutcomeClass::Network;
    return OutcomeClass::ClientError;
}

} // namespace wb::models
