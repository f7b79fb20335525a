// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/dispatch/attemptoutcome.h"

#include <QNetworkRequest>

class QNetworkReply;

namespace wb::core {

// The outcome of a finished QNetworkReply. A reply with an HTTP status is a response (its headers
// and the first kBodyPrefixBytes of its body), whatever error QNAM also reports for it; one without
// is a transport error (transportErrorFromNetworkError). `timedOut`: the dispatcher aborted the
// reply when its attempt timeout fired, so QNAM's OperationCanceledError means Timeout. Reads from
// the reply; call on the reply's thread after finished().
AttemptOutcome outcomeFromReply(QNetworkReply *reply, bool timedOut);

// Sets what every delivery request needs on top of its URL and headers:
// - never follow redirects (Qt 6 follows them by default: NoLessSafeRedirectPolicy), since a 3xx
//   is a failure (Standard Webhooks spec);
// - no cookies loaded or saved: QNetworkAccessManager's jar would otherwise carry one tenant's
//   cookies into another tenant's deliveries;
// - no cache.
void prepareDeliveryRequest(QNetworkRequest &request);

} // namespace wb::core
