package main

import (
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

// TestCommandLineAnswers: what podium answers to a command line an
// official may type: version, help, a mistyped command, a flag value of the
// wrong kind, --after-round 0, and --strict failing on warnings.
func TestCommandLineAnswers(t *testing.T) {
	withWarning := withWarning(t, t.TempDir())
	dir := t.TempDir()
	tests := []struct {
		name   string
		args   []string
		code   int
		stdout string // the first line of stdout
		stderr string // all of stderr
	}{
		{"version", []string{"--version"}, 0, "podium version " + version(debug.ReadBuildInfo()), ""},
		{"help command", []string{"help"}, 0, "NAME:", ""},
		{"help for a command", []string{"help", "score"}, 0, "NAME:", ""},
		{"mistyped command", []string{"scroe", demo}, 2, "", "podium: \"scroe\" is not a podium command; did you mean score?\n"},
		{"unknown command", []string{"frobnicate"}, 2, "", "podium: \"frobnicate\" is not a podium command (commands: template, validate, score, export, import, publish, help)\n"},
		{"rounds not a number", []string{"template", "--rounds", "abc", filepath.Join(dir, "t.xlsx")}, 2, "",
			"podium: --rounds \"abc\" is not a whole number; expected --rounds N: pre-number N calendar rows (see podium template --help)\n"},
		{"after-round not a number", []string{"score", demo, "--after-round", "two", "--out", filepath.Join(dir, "o.xlsx")}, 2, "",
			"podium: --after-round \"two\" is not a whole number; expected --after-round N: count rounds up to N only (standings after round N) (see podium score --help)\n"},
		{"after-round 0", []string{"score", demo, "--after-round", "0", "--out", filepath.Join(dir, "o.xlsx")}, 2, "",
			"podium: --after-round 0: rounds are numbered from 1; give the last round to count, or leave --after-round out to count every round\n"},
		{"export after-round 0", []string{"export", demo, "--after-round", "0", "--csv", filepath.Join(dir, "press")}, 2, "",
			"podium: --after-round 0: rounds are numbered from 1; give the last round to count, or leave --after-round out to count every round\n"},
		{"strict fails on warnings, and says so", []string{"validate", "--strict", withWarning}, 1,
			similarNamesWarning,
			"podium: no errors, but --strict: the warning above fails the check\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := podium(t, tt.args...)
			first, _, _ := strings.Cut(stdout, "\n")
			if code != tt.code || first != tt.stdout || stderr != tt.stderr {
				t.Errorf("exit %d, stdout first line %q, stderr %q\nwant exit %d, %q, %q", code, first, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

func TestVersionFromBuildInfo(t *testing.T) {
	settings := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		ok   bool
		want string
	}{
		{"no build info", nil, false, "devel"},
		{"released module", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}, Settings: settings("vcs.revision", "0123456789abcdef")}, true, "v1.4.0"},
		{"built from a clean checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: settings("vcs.revision", "0123456789abcdef0123", "vcs.modified", "false")}, true, "0123456789ab"},
		{"built from a changed checkout", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: settings("vcs.revision", "0123456789abcdef0123", "vcs.modified", "true")}, true, "0123456789ab-dirty"},
		{"no version control", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, true, "devel"},
	}
	for _, tt := range tests {
		if got := version(tt.info, tt.ok); got != tt.want {
			t.Errorf("%s: version = %q, want %q", tt.name, got, tt.want)
		}
	}
}
