// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/timeline/timelineexport.h"

#include "ui/timeline/timelineplot.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace wb::ui {

core::Result<void> TimelineExport::write(TimelinePlot &plot, const QString &path, QSize size)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    const int width = qMax(1, size.width());
    const int height = qMax(1, size.height());
    bool written = false;
    if (suffix == u"png"_s) {
        written = plot.savePng(path, width, height, 1.0);
    } else if (suffix == u"pdf"_s) {
        written = plot.savePdf(path, width, height, QCP::epNoCosmetic, {}, tr("Wirebench timeline"));
    } else {
        return core::fail(u"timeline.export_format"_s,
                          tr("Cannot export the timeline as \"%1\": choose a .png or .pdf file.")
                                  .arg(QFileInfo(path).fileName()));
    }
    if (!written) {
        return core::fail(u"timeline.export_failed"_s,
                          tr("Could not write the timeline to %1.").arg(path));
    }
    return {};
}

} // namespace wb::ui
