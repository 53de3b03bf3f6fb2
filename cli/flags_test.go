package cli

import (
	"bytes"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args []string
		code int
		ok   bool
	}{
		{[]string{"-n", "3"}, ExitOK, true},
		{[]string{"-h"}, ExitOK, false},
		{[]string{"--nope"}, ExitUsage, false},
		{[]string{"-n", "x"}, ExitUsage, false},
	}
	for _, tt := range tests {
		var errOut bytes.Buffer
		fs := NewFlags("t", "t [-n N]", IO{Err: &errOut})
		fs.Int("n", 0, "a number")
		code, ok := Parse(fs, tt.args)
		if code != tt.code || ok != tt.ok {
			t.Errorf("%q: got %d %v, want %d %v", tt.args, code, ok, tt.code, tt.ok)
		}
		if !ok && !strings.Contains(errOut.String(), "Usage: t [-n N]") {
			t.Errorf("%q: usage not shown: %q", tt.args, errOut.String())
		}
	}
}
