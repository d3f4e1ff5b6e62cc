package templates

import "testing"

// TestWrappedLines: text breaks at spaces once a line passes 90% of the
// column width, and every paragraph starts a line.
func TestWrappedLines(t *testing.T) {
	tests := []struct {
		text  string
		width float64
		want  int
	}{
		{"", 10, 1},
		{"aaaa bbbb", 10, 1},  // 9 characters fit in 90% of 10
		{"aaaa bbbbb", 10, 2}, // 10 do not
		{"aaaa\nbbbb", 10, 2},
		{"a b c d e f g h i j", 4, 5},
		{"ééé ééé", 8, 1}, // runes, not bytes
		{"averyveryverylongword", 5, 1},
	}
	for _, tt := range tests {
		if got := WrappedLines(tt.text, tt.width); got != tt.want {
			t.Errorf("WrappedLines(%q, %v) = %d, want %d", tt.text, tt.width, got, tt.want)
		}
	}
}
