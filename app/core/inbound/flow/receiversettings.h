// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/inbound/http/requestframer.h"

#include <QByteArray>

namespace wb::core {

// The receiver's limits and throttling. Sizes in bytes, times in seconds or milliseconds as named.
struct ReceiverSettings
{
    // Body cap (default 25 MB, 413 above it) and head limits, enforced while the request streams
    // in (RequestFramer).
    FramingLimits framing;
    // A gzip body's size once decompressed (413 above it; the decompression stops there).
    qint64 maxDecodedBodyBytes = 25 * 1024 * 1024;
    // Inbound throttling: requests received and not yet answered (being examined or waiting for
    // their store write). Above it: 503 with Retry-After, nothing stored.
    int maxEventsInProcessing = 512;
    // The durable backlog: stored events whose forwarding is pending (not yet taken by the
    // dispatch engine). At or above it new requests get 503 with Retry-After instead of being
    // accepted (never accepted and then lost).
    qint64 maxForwardingBacklog = 10000;
    int retryAfterSeconds = 5;
    // Bodies larger than this are examined (decompressed, verified, read) on a worker thread so
    // the main loop never stalls on a 25 MB HMAC.
    qint64 inlineExaminationBytes = 64 * 1024;
    // The public URL the providers were given ("https://abc.tunnel.example"), for schemes that
    // sign the URL (Twilio, Square, HubSpot v3); the request-target is appended. Empty: the URL
    // the request arrived at (http://<Host><request-target>).
    QByteArray publicBaseUrl;
};

} // namespace wb::core
