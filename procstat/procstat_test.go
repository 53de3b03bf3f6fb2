package procstat

import (
	"runtime"
	"testing"
)

func TestReadings(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("reads /proc: Linux only")
	}
	start := CPUTime()
	x := 0
	for i := range 50_000_000 {
		x += i % 7
	}
	if x == 0 || CPUTime() <= start {
		t.Error("CPU time does not grow with work")
	}
	if StatusKB("VmHWM") <= 0 || StatusKB("NoSuchField") != 0 {
		t.Error("status fields misread")
	}
}
