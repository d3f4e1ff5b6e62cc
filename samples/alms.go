package samples

import (
	"io"
	"time"

	"github.com/podium-dev/podium/templates"
	"github.com/podium-dev/podium/templates/workbook"
)

// ALMSFile is the file name of the 2019–20 Asian Le Mans Series sample.
const ALMSFile = "alms-2019-20.xlsx"

// WriteALMS writes the 2019–20 Asian Le Mans Series workbook to w.
func WriteALMS(w io.Writer) error { return workbook.Write(w, ALMS()) }

// ALMS returns the 2019–20 Asian Le Mans Series as an organiser would enter
// it from the published season article (../shared/seeds/alms-2019-20.txt).
// Every inference and every inconsistency of the article is documented in
// samples/README.md.
func ALMS() workbook.Options {
	r := func(cells ...any) []any { return cells }
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	const all = "All"
	// Results: class positions from the teams' tables; poles inferred
	// from the published totals (see samples/README.md).
	type res struct {
		no     int
		pos    any // class position, or nil
		status any // nil = classified
		pole   any // nil, "Y", or the cup's name
	}
	var results [][]any
	add := func(round int, rs ...res) {
		for _, x := range rs {
			results = append(results, r(round, x.no, x.pos, x.status, x.pole))
		}
	}
	// Round 1, Shanghai.
	add(1, res{26, 1, nil, nil}, res{36, 2, nil, "Y"}, res{45, 3, nil, nil}, res{34, 4, nil, nil}, res{33, 5, nil, nil}, res{96, nil, "Ret", nil}, res{1, nil, "Ret", nil})
	add(1, res{59, 1, nil, nil}, res{52, 2, nil, nil}, res{25, nil, "DNS", nil}, res{4, nil, "Ret", "Y"})
	add(1, res{13, 1, nil, "Y"}, res{2, 2, nil, nil}, res{9, 3, nil, nil}, res{12, 4, nil, nil}, res{65, 5, nil, nil}, res{3, 6, nil, nil})
	add(1, res{77, 1, nil, nil}, res{88, 2, nil, nil}, res{17, 3, nil, nil}, res{51, 4, nil, nil}, res{7, 5, nil, nil}, res{27, 6, nil, "Y"}, res{75, 7, nil, nil}, res{16, nil, "DNS", "GT Am"}, res{90, nil, "Ret", nil})
	// Round 2, The Bend.
	add(2, res{26, 1, nil, nil}, res{36, 2, nil, nil}, res{45, 3, nil, "Y"}, res{33, 4, nil, nil}, res{34, nil, "Ret", nil}, res{96, nil, "WD", nil}, res{1, nil, "Ret", nil})
	add(2, res{52, 1, nil, nil}, res{25, 2, nil, nil}, res{4, 3, nil, nil}, res{59, nil, "Ret", "Y"})
	add(2, res{2, 1, nil, "Y"}, res{13, 2, nil, nil}, res{12, 3, nil, nil}, res{14, 4, nil, nil}, res{9, nil, "Ret", nil}, res{3, nil, "Ret", nil}, res{65, nil, "Ret", nil})
	add(2, res{7, 1, nil, "Y"}, res{27, 2, nil, nil}, res{51, 3, nil, nil}, res{75, 4, nil, nil}, res{17, 5, nil, nil}, res{77, 6, nil, nil}, res{88, 7, nil, nil}, res{16, nil, "Ret", nil})
	// Round 3, Sepang.
	add(3, res{45, 1, nil, nil}, res{36, 2, nil, nil}, res{26, 3, nil, nil}, res{96, 4, nil, nil}, res{34, 5, nil, nil}, res{33, 6, nil, nil}, res{1, nil, "Ret", "Y"})
	add(3, res{52, 1, nil, nil}, res{25, nil, "Ret", "Y"})
	add(3, res{9, 1, nil, nil}, res{3, 2, nil, "Y"}, res{13, 3, nil, nil}, res{2, 4, nil, nil}, res{12, 5, nil, nil}, res{18, 6, nil, nil}, res{8, 7, nil, nil}, res{65, 8, nil, nil})
	add(3, res{88, 1, nil, nil}, res{27, 2, nil, "Y"}, res{51, 3, nil, nil}, res{75, 4, nil, nil}, res{7, 5, nil, nil}, res{77, nil, "Ret", nil}, res{17, nil, "DNS", nil}, res{16, nil, "DNS", nil}, res{90, nil, "DNS", nil})
	// Round 4, Buriram.
	add(4, res{45, 1, nil, "Y"}, res{26, 2, nil, nil}, res{96, 3, nil, nil}, res{1, 4, nil, nil}, res{36, 5, nil, nil}, res{33, 6, nil, nil}, res{34, 7, nil, nil})
	add(4, res{25, 1, nil, "Y"}, res{52, 2, nil, nil})
	add(4, res{12, 1, nil, nil}, res{2, 2, nil, "Y"}, res{8, 3, nil, nil}, res{65, 4, nil, nil}, res{3, 5, nil, nil}, res{18, 6, nil, nil}, res{13, nil, "Ret", nil}, res{9, nil, "Ret", nil})
	add(4, res{27, 1, nil, nil}, res{7, 2, nil, nil}, res{51, 3, nil, nil}, res{88, 4, nil, nil}, res{75, 5, nil, "Y"}, res{77, nil, "Ret", nil}, res{17, nil, "DNS", nil}, res{16, nil, "DNS", nil}, res{90, nil, "DNS", nil})

	return workbook.Options{
		Classes: []string{"LMP2", "LMP2 Am", "LMP3", "GT", "GT Am"},
		Data: map[string][][]any{
			templates.SheetSeason: {
				r("Series", "Asian Le Mans Series"),
				r("Season", "2019–20"),
				r("Status", "Final"),
				r("Best results", nil),
				r("Classification threshold", "70%"),
				// The published tables let equal totals share the
				// position (see samples/README.md).
				r("Tie-break", "none"),
			},
			// Round, Code, Race, Circuit, Country, Date, Factor
			templates.SheetCalendar: {
				r(1, "SHA", "4 Hours of Shanghai", "Shanghai International Circuit", "CHN", day(2019, 11, 24), 1),
				r(2, "BEN", "4 Hours of The Bend", "The Bend Motorsport Park", "AUS", day(2020, 1, 12), 1),
				r(3, "SEP", "4 Hours of Sepang", "Sepang International Circuit", "MYS", day(2020, 2, 15), 1),
				r(4, "CHA", "4 Hours of Buriram", "Chang International Circuit", "THA", day(2020, 2, 23), 1),
			},
			templates.SheetPoints: templates.DefaultPoints(),
			// No., Class, Team, Cup, Nat, Car, Rounds
			templates.SheetEntries: {
				r(1, "LMP2", "Eurasia Motorsport", nil, "PHI", "Ligier JS P217", all),
				r(26, "LMP2", "G-Drive Racing with Algarve", nil, "RUS", "Aurus 01", all),
				r(33, "LMP2", "Inter Europol Endurance", nil, "POL", "Ligier JS P217", all),
				r(34, "LMP2", "Inter Europol Endurance", nil, "POL", "Ligier JS P217", all),
				r(36, "LMP2", "Eurasia Motorsport", nil, "PHI", "Ligier JS P217", all),
				r(45, "LMP2", "Thunderhead Carlin Racing", nil, "GBR", "Dallara P217", all),
				r(96, "LMP2", "K2 Uchino Racing", nil, "JPN", "Oreca 07", all),
				r(4, "LMP2 Am", "ARC Bratislava", nil, "SVK", "Ligier JS P2", "1–2"),
				r(25, "LMP2 Am", "Rick Ware Racing", nil, "USA", "Ligier JS P2", all),
				r(52, "LMP2 Am", "Rick Ware Racing", nil, "USA", "Ligier JS P2", all),
				r(59, "LMP2 Am", "RLR MSport", nil, "GBR", "Oreca 05", "1–2"),
				r(2, "LMP3", "Nielsen Racing", nil, "GBR", "Norma M30", all),
				r(3, "LMP3", "Nielsen Racing", nil, "GBR", "Norma M30", all),
				r(8, "LMP3", "Graff Racing", nil, "FRA", "Norma M30", "3–4"),
				r(9, "LMP3", "Graff Racing", nil, "FRA", "Norma M30", all),
				r(12, "LMP3", "ACE1 Villorba Corse", nil, "ITA", "Ligier JS P3", all),
				r(13, "LMP3", "Inter Europol Competition", nil, "POL", "Ligier JS P3", all),
				r(14, "LMP3", "Inter Europol Competition", nil, "POL", "Ligier JS P3", "2"),
				r(18, "LMP3", "Inter Europol Competition", nil, "POL", "Ligier JS P3", "3–4"),
				r(65, "LMP3", "Viper Niza Racing", nil, "MYS", "Ligier JS P3", all),
				r(7, "GT", "Car Guy Racing", nil, "JPN", "Ferrari 488 GT3", all),
				r(16, "GT", "Astro Veloce Motorsport", "GT Am", "CHN", "BMW M6 GT3", all),
				r(17, "GT", "Astro Veloce Motorsport", nil, "CHN", "BMW M6 GT3", all),
				r(27, "GT", "HubAuto Corsa", nil, "TPE", "Ferrari 488 GT3", all),
				r(51, "GT", "Spirit of Race", nil, "CHE", "Ferrari 488 GT3", all),
				r(75, "GT", "T2 Motorsports", nil, "SGP", "Ferrari 488 GT3", all),
				r(77, "GT", "D'station Racing AMR", nil, "JPN", "Aston Martin Vantage AMR GT3", all),
				r(88, "GT", "Team JLOC", nil, "JPN", "Lamborghini Huracán GT3 Evo", all),
				r(90, "GT", "FIST-Team AAI", nil, "TPE", "BMW M6 GT3", "1, 3–4"),
			},
			// No., Driver, Nat, Rounds, Ineligible
			templates.SheetDrivers: {
				// LMP2
				r(1, "Daniel Gaunt", "NZL", all),
				r(1, "Nobuya Yamanaka", "JPN", "1, 4"),
				r(1, "Masataka Yanagida", "JPN", "1, 3"),
				r(1, "Nick Cassidy", "NZL", "2–4"),
				r(1, "Shane van Gisbergen", "NZL", "2"),
				r(26, "James French", "USA", all),
				r(26, "Leonard Hoogenboom", "NLD", all),
				r(26, "Roman Rusinov", "RUS", all),
				r(33, "John Corbett", "GBR", all),
				r(33, "Nathan Kumar", "AUS", all),
				r(33, "Mitchell Neilson", "AUS", "1–2"),
				r(33, "Danial Frost", "SIN", "3–4"),
				r(34, "Jakub Śmiechowski", "POL", all),
				r(34, "James Winslow", "GBR", all),
				r(34, "Mathias Beche", "CHE", all),
				r(36, "Aidan Read", "AUS", all),
				r(36, "Nick Foster", "GBR", all),
				r(36, "Roberto Merhi", "ESP", all),
				r(45, "Ben Barnicoat", "GBR", all),
				r(45, "Jack Manchester", "GBR", all),
				r(45, "Harry Tincknell", "GBR", all),
				r(96, "Haruki Kurosawa", "JPN", all),
				r(96, "Shaun Thong", "HKG", "1, 3–4"),
				// LMP2 Am
				r(4, "Andreas Laskaratos", "GRE", all),
				r(4, "Miro Konôpka", "SVK", all),
				r(4, "Kang Ling", "CHN", "1"),
				r(4, "Garnet Patterson", "AUS", "2"),
				r(25, "Phillippe Mulacek", "USA", "1, 3–4"),
				r(25, "Michael Zimicki", "USA", "1"),
				r(25, "Guy Cosmo", "USA", "2–4"),
				r(25, "Anthony Lazzaro", "USA", "2–4"),
				r(52, "Cody Ware", "USA", all),
				r(52, "Mark Kvamme", "USA", "1"),
				r(52, "Gustas Grinbergas", "LIT", "2–4"),
				r(59, "John Farano", "CAN", all),
				r(59, "Andrew Higgins", "NZL", all),
				r(59, "Arjun Maini", "IND", all),
				// LMP3
				r(2, "Colin Noble", "GBR", all),
				r(2, "Tony Wells", "GBR", all),
				r(3, "Charles Crews", "USA", all),
				r(3, "Garett Grist", "CAN", all),
				r(3, "Rob Hodes", "USA", all),
				r(8, "Matthias Kaiser", "LIE", all),
				r(8, "Rory Penttinen", "FIN", "3"),
				r(8, "Neale Muston", "AUS", "4"),
				r(9, "David Droux", "CHE", all),
				r(9, "Eric Trouillet", "FRA", all),
				r(9, "Sébastien Page", "CHE", "1, 3–4"),
				r(9, "Ricky Capo", "AUS", "2"),
				r(12, "Alessandro Bressan", "ITA", all),
				r(12, "Gabriele Lancieri", "ITA", all, "3–4"),
				r(12, "Yuki Harata", "JPN", "1"),
				r(12, "David Fumanelli", "ITA", "2–4"),
				r(13, "Martin Hippe", "GER", all),
				r(13, "Nigel Moore", "GBR", all),
				r(14, "Peter Paddon", "AUS", all),
				r(14, "Garth Walden", "AUS", all),
				r(14, "Austin McCusker", "USA", all),
				r(18, "Dan Wells", "GBR", all, "4"),
				r(18, "Philip Kadoorie", "HKG", all, "4"),
				r(65, "Dominic Ang", "MYS", all),
				r(65, "Douglas Khoo", "MYS", all),
				// GT
				r(7, "Takeshi Kimura", "JPN", all),
				r(7, "Antonio Fuoco", "ITA", "1"),
				r(7, "Kei Cozzolino", "ITA", "1–3"),
				r(7, "Côme Ledogar", "FRA", "2–4"),
				r(7, "Mikkel Jensen", "DEN", "4"),
				r(16, "Li Lin", "CHN", "1"),
				r(16, "Zhiwei Lu", "CHN", "1–2"),
				r(16, "Chen Weian", "CHN", "2"),
				r(16, "Zhang Yaqi", "CHN", "2"),
				r(17, "Jens Klingmann", "GER", "1–2"),
				r(17, "Max Wiser", "ITA", "1–2"),
				r(17, "Peiwen Qi", "CHN", "1–2"),
				r(27, "Marcos Gomes", "BRA", all),
				r(27, "Davide Rigon", "ITA", "1–3"),
				r(27, "Morris Chen", "TPE", "1"),
				r(27, "Liam Talbot", "AUS", "2–4"),
				r(27, "Tim Slade", "AUS", "4"),
				r(51, "Francesco Piovanetti", "PRI", all),
				r(51, "Oswaldo Negri Jr.", "BRA", all),
				r(51, "Alessandro Pier Guidi", "ITA", "1–3"),
				r(51, "Daniel Serra", "BRA", "4"),
				r(75, "Christian Colombo", "ITA", all),
				r(75, "David Tjiptobiantoro", "IDN", all),
				r(75, "Rio Haryanto", "IDN", all),
				r(77, "Satoshi Hoshino", "JPN", all),
				r(77, "Tomonobu Fujii", "JPN", all),
				r(77, "Ross Gunn", "GBR", "1–3"),
				r(77, "Tom Gamble", "GBR", "4"),
				r(88, "Yuya Motojima", "JPN", all),
				r(88, "Yusaku Shibata", "JPN", all),
				r(88, "André Couto", "MAC", "1–2"),
				r(88, "Takashi Kogure", "JPN", "3–4"),
				r(90, "Joel Eriksson", "SWE", "1"),
				r(90, "Ye Hongli", "CHN", "1"),
				r(90, "Jun-San Chen", "TPE", "1"),
			},
			// Round, No., Pos, Status, Pole
			templates.SheetResults: results,
		},
	}
}
