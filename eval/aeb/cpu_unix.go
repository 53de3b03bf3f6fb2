//go:build unix

package aeb

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time. Extraction runs on one
// goroutine, so its share of CPU is the per-core cost of a page (garbage
// collection on other cores is counted too, which is fair).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
