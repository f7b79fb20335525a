// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/dispatch/replyoutcome.h"

#include <QNetworkReply>

namespace wb::core {

AttemptOutcome outcomeFromReply(QNetworkReply *reply, bool timedOut)
{
    const QVariant status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (status.isValid() && status.toInt() > 0) {
        return AttemptOutcome::response(status.toInt(), HttpHeaders(reply->rawHeaderPairs()),
                                        reply->read(kBodyPrefixBytes));
    }
    const TransportError error = timedOut ? TransportError::Timeout
                                          : transportErrorFromNetworkError(reply->error());
    const QString detail
            = reply->error() == QNetworkReply::ContentReSendError ? QStringLiteral(
                      "the connection closed before a response (the automatic re-send was "
                      "refused)")
                                                                  : reply->errorString();
    return AttemptOutcome::failure(error == TransportError::None ? TransportError::Network : error,
                                   detail);
}

void prepareDeliveryRequest(QNetworkRequest &request)
{
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    request.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
}

} // namespace wb::core
