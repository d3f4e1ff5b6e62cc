package sheets

import "testing"

func TestDriverName(t *testing.T) {
	tests := map[string]string{
		"Sebastien BUEMI":        "Sebastien Buemi",
		"Jakub ŚMIECHOWSKI":      "Jakub Śmiechowski",
		"Jean-Éric VERGNE":       "Jean-Éric Vergne",
		"Shane VAN GISBERGEN":    "Shane van Gisbergen",
		"António Félix DA COSTA": "António Félix da Costa",
		"Alessandro PIER GUIDI":  "Alessandro Pier Guidi",
		"Oswaldo NEGRI JR.":      "Oswaldo Negri Jr.",
		"Austin MCCUSKER":        "Austin McCusker",
		"Patrick O'NEILL":        "Patrick O'Neill",
		"John SMITH III":         "John Smith III",
		"SEBASTIEN BUEMI":        "Sebastien Buemi",
		"Côme Ledogar":           "Côme Ledogar",
		"Ho-Pin TUNG":            "Ho-Pin Tung",
		"  Kei   COZZOLINO ":     "Kei Cozzolino",
		"A. J. FOYT":             "A. J. Foyt",
	}
	for in, want := range tests {
		if got := DriverName(in); got != want {
			t.Errorf("DriverName(%q) = %q, want %q", in, got, want)
		}
	}
}
