// SPDX-License-Identifier: GPL-3.0-or-later
#include "redelivery.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace wb::core {

Result<NewDelivery> redeliveryOf(const Delivery &original)
{
    if (!isFinal(original.state)) {
        return fail(u"dispatch.not_finished"_s,
                    QCoreApplication::translate("wb::core::Redelivery",
                                                "Delivery %1 is still %2; it will be attempted "
                                                "without a retry. Cancel it first to send a copy.")
                            .arg(original.id)
                            .arg(nameOf(original.state)));
    }
    NewDelivery copy;
    copy.connectionId = original.connectionId;
    copy.url = original.url;
    copy.method = original.method;
    copy.headers = original.headers;
    copy.body = original.body;
    copy.signing = original.signing;
    copy.retryPolicy = original.retryPolicyJson;
    return copy;
}

} // namespace wb::core
