// Rules about one course's dates and seats: the mistakes a coordinator makes in them (a mistyped
// year, a deadline after the start) and a "full" that may no longer be true.
#pragma once

#include "content/calendar.h"
#include "content/diagnostics.h"
#include "content/records.h"

namespace lotse {

// The course's dates against each other and against `today`: ending before it starts and a
// registration deadline after the start are errors; an ended course, and a length that neither a
// year nor its lessons explain (most often a mistyped year), are warnings.
void check_course_dates(const Course& c, Date today, Diagnostics& diags);

// A course marked full whose "checked" is older than the review period is warned about at its
// seats; returns whether it was, so that the record's general review warning does not repeat it.
bool report_full_course(const Course& c, Date today, int review_after_days, Diagnostics& diags);

}  // namespace lotse
