// Package procstat reads the process's own resource use for the
// benchmarks: CPU time and resident memory. Figures are per process, so a
// benchmark run on one goroutine reads as per-core cost.
package procstat

import (
	"bufio"
	"os"
	"strconv"
	"strings"
)

// StatusKB returns a kB field of /proc/self/status ("VmHWM" is the
// resident high-water mark, "RssAnon" the process's own memory), or 0
// where there is no such file (not Linux).
func StatusKB(field string) int64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), field+":"); ok {
			v, _ := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			return v
		}
	}
	return 0
}
