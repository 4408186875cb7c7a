package report

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"takedown/catalog"
	"takedown/game"
)

// Environment variables of the browser test.
const (
	// envRequire, when set, makes a missing Chromium a failure instead of
	// a skip: `make report-test` sets it, so CI never skips the test.
	envRequire = "TAKEDOWN_REQUIRE_CHROMIUM"
	// envShots names a folder to keep the screenshots in (docs/screenshots
	// for `make report-screenshots`).
	envShots = "TAKEDOWN_REPORT_SHOTS"
)

// chromium finds Debian's Chromium (or another build of it).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv(envRequire) != "" {
		t.Fatalf("Chromium is not installed, and %s is set: run tools/deps.sh", envRequire)
	}
	t.Skipf("Chromium is not installed (tools/deps.sh installs it; set %s to fail instead)", envRequire)
	return ""
}

// browse runs headless Chromium on a file with the flags the ecosystem
// notes give, plus extra, and returns what it printed.
func browse(t *testing.T, bin, file string, extra ...string) []byte {
	t.Helper()
	profile := t.TempDir()
	args := append([]string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
		"--hide-scrollbars"}, extra...)
	args = append(args, "file://"+file)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v\n%s", strings.Join(extra, " "), err, errb.Bytes())
	}
	return out.Bytes()
}

// TestReportsInChromium writes the report of the win and of every losing
// walkthrough of film-site, in English and Russian, opens each in headless
// Chromium, and checks the DOM the browser built (every section, both
// charts, no template or catalogue failure) and a screenshot (an image of
// the window's size that is not blank). With -short only the win and one
// loss are opened.
func TestReportsInChromium(t *testing.T) {
	bin := chromium(t)
	src, err := catalog.New().Find("film-site")
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, m := range src.Moves {
		base := strings.TrimSuffix(filepath.Base(m), ".moves")
		if testing.Short() && !strings.HasSuffix(base, ".win") && !strings.HasSuffix(base, ".lose-early-takedown") {
			continue
		}
		list = append(list, m)
	}
	shots := os.Getenv(envShots)
	dir := t.TempDir()
	for _, m := range list {
		p := play(t, m)
		for _, l := range []game.Lang{game.EN, game.RU} {
			name := "report-" + strings.TrimPrefix(strings.TrimSuffix(filepath.Base(m), ".moves"), "film-site.") + "-" + string(l)
			page := write(t, p, l)
			file := filepath.Join(dir, name+".html")
			if err := os.WriteFile(file, page, 0o644); err != nil {
				t.Fatal(err)
			}
			t.Run(name, func(t *testing.T) {
				t.Parallel() // as many browsers at a time as -parallel allows
				dom := string(browse(t, bin, file, "--dump-dom"))
				checkPage(t, dom)
				if !strings.Contains(dom, `id="takedown-log"`) {
					t.Error("the DOM lacks the embedded session")
				}
				// Each browser takes a few seconds to start: the screenshot is
				// checked for the win and one loss, or for all when they are
				// kept.
				png := filepath.Join(dir, name+".png")
				switch {
				case shots != "":
					png = filepath.Join(shots, name+".png")
				case !strings.Contains(name, "-win-") && !strings.Contains(name, "-lose-early-takedown-"):
					return
				}
				browse(t, bin, file, "--screenshot="+png, "--window-size=1100,1500")
				checkShot(t, png)
			})
		}
	}
}

// checkShot checks that a screenshot is a PNG of the window's size with
// more than one colour in it.
func checkShot(t *testing.T, file string) {
	t.Helper()
	f, err := os.Open(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("%s: %v", file, err)
	}
	if b := img.Bounds(); b.Dx() != 1100 || b.Dy() != 1500 {
		t.Errorf("%s is %v, want 1100x1500", file, b.Size())
	}
	if blank(img) {
		t.Errorf("%s is blank", file)
	}
}

// blank reports whether an image is all one colour.
func blank(img image.Image) bool {
	b := img.Bounds()
	first := img.At(b.Min.X, b.Min.Y)
	r0, g0, b0, _ := first.RGBA()
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r != r0 || g != g0 || bb != b0 {
				return false
			}
		}
	}
	return true
}
