// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QIODevice>

namespace wb::core {

// A request body that can be sent only once.
//
// QNetworkAccessManager (Qt 6.4, qhttpnetworkconnectionchannel.cpp) silently re-sends a request
// when the connection closes or resets before the response starts (up to twice: its
// reconnectAttempts), POSTs included, as long as it can rewind the body. The receiver then gets
// the delivery again without the attempt log knowing (tst_replyoutcome shows two requests for one
// post() with a QByteArray body). Given this device, the rewind fails after the first read and
// QNAM reports QNetworkReply::ContentReSendError instead: the dispatcher sees the reset, records
// it as an attempt and retries under its own policy with the same idempotency key.
//
// Non-sequential with a known size (so QNAM sends Content-Length). Rewinding before anything was
// read is allowed. Owned by the caller (parent it to the reply); use on the reply's thread.
class OneShotBody final : public QIODevice
{
public:
    explicit OneShotBody(QByteArray bytes, QObject *parent = nullptr);

    bool isSequential() const override { return false; }
    qint64 size() const override { return m_bytes.size(); }
    bool seek(qint64 pos) override;
    bool reset() override;
    // Whether QNAM tried to rewind after sending (it wanted to re-send).
    bool refusedResend() const { return m_refusedResend; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    QByteArray m_bytes;
    bool m_started = false;
    bool m_refusedResend = false;
};

} // namespace wb::core
