// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QString>

namespace wb::test {

// The error code of `result`, or "<ok>" when it holds a value: safe to compare in tests whatever
// the outcome.
template<typename T>
QString errorCode(const core::Result<T> &result)
{
    return result ? QStringLiteral("<ok>") : result.error().code;
}

// The error message, or an empty string when `result` holds a value.
template<typename T>
QString errorMessage(const core::Result<T> &result)
{
    return result ? QString() : result.error().message;
}

} // namespace wb::test
