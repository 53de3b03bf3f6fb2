//go:build !unix

package aeb

import "time"

// cpuTime is not measured on this platform; pages/s per core then reads
// as infinite and only the wall figure counts.
func cpuTime() time.Duration { return 0 }
