// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/util/result.h"

#include <QCoreApplication>
#include <QSize>

namespace wb::ui {

class TimelinePlot;

// Writes a plot to a file with QCustomPlot's own exporters: .png (savePng, `size` in pixels at
// scale 1) or .pdf (savePdf, `size` in points, cosmetic pens widened so lines print).
// Errors: "timeline.export_format" for another suffix, "timeline.export_failed" when the file
// could not be written; both messages name the file.
class TimelineExport final
{
    Q_DECLARE_TR_FUNCTIONS(wb::ui::TimelineExport)

public:
    static core::Result<void> write(TimelinePlot &plot, const QString &path, QSize size);
};

} // namespace wb::ui
