//go:build !unix

package procstat

import "time"

// CPUTime is not measured on this platform: 0, and per-core figures then
// read as infinite; only wall figures count.
func CPUTime() time.Duration { return 0 }
