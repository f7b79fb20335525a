// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core/inbound/verification: the human explanation of a VerificationResult.

#include "core/inbound/verification/verificationresult.h"
#include "core/providers/signaturescheme.h"

namespace wb::core {

// One paragraph for people; `detail` is the reason-specific fact (a header name, a problem).
QString explainVerification(const VerificationResult &result, const QString &detail);

// Adds hints to a failed result: a signature length that no key of this algorithm produces, a
// secret that would match without its white space (`whitespaceSlot` ≥ 0), a signed URL to check.
void addMismatchHints(VerificationResult &result, const SignatureScheme &scheme,
                      HashAlgorithm algorithm, const QList<QByteArray> &signatures,
                      int whitespaceSlot);

} // namespace wb::core
