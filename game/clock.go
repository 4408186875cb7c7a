package game

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Minutes is a span or a point of simulated time, counted in minutes. As a
// point it counts from the scenario's start.
type Minutes int64

// Common spans of simulated time.
const (
	Minute Minutes = 1
	Hour           = 60 * Minute
	Day            = 24 * Hour
	Week           = 7 * Day
)

// ParseDuration reads a span such as "30m", "6h", "3d", "2w" or a
// combination such as "1d12h".
func ParseDuration(s string) (Minutes, error) {
	if s == "" {
		return 0, usage("duration.empty")
	}
	var total Minutes
	rest := s
	for rest != "" {
		i := 0
		for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
			i++
		}
		if i == 0 || i == len(rest) {
			return 0, usage("duration.bad", Str("value", s))
		}
		n, err := strconv.ParseInt(rest[:i], 10, 32)
		if err != nil {
			return 0, usage("duration.large", Str("value", s))
		}
		var unit Minutes
		switch rest[i] {
		case 'm':
			unit = Minute
		case 'h':
			unit = Hour
		case 'd':
			unit = Day
		case 'w':
			unit = Week
		default:
			if c := rest[i]; c < 'a' || c > 'z' {
				return 0, usage("duration.bad", Str("value", s))
			}
			return 0, usage("duration.unit", Str("value", s), Str("unit", string(rest[i])))
		}
		total += Minutes(n) * unit
		if total > 10*365*Day {
			return 0, usage("duration.long", Str("value", s))
		}
		rest = rest[i+1:]
	}
	return total, nil
}

// String formats a span compactly, e.g. "3d 4h".
func (m Minutes) String() string {
	if m == 0 {
		return "0m"
	}
	neg := m < 0
	if neg {
		m = -m
	}
	var parts []string
	if d := m / Day; d > 0 {
		parts = append(parts, fmt.Sprintf("%dd", d))
	}
	if h := (m % Day) / Hour; h > 0 {
		parts = append(parts, fmt.Sprintf("%dh", h))
	}
	if mm := m % Hour; mm > 0 {
		parts = append(parts, fmt.Sprintf("%dm", mm))
	}
	s := strings.Join(parts, " ")
	if neg {
		return "-" + s
	}
	return s
}

// Calendar turns simulated minutes into calendar dates from a fixed start.
type Calendar struct {
	Start time.Time // the scenario's start, in UTC
}

// At returns the calendar time of a simulated point.
func (c Calendar) At(m Minutes) time.Time {
	return c.Start.Add(time.Duration(m) * time.Minute)
}

// Format formats a simulated point as "2009-03-02 09:00".
func (c Calendar) Format(m Minutes) string {
	return c.At(m).Format("2006-01-02 15:04")
}

// Date formats a simulated point as "2009-03-02".
func (c Calendar) Date(m Minutes) string {
	return c.At(m).Format("2006-01-02")
}

// Until returns the span from point now to the next time the clock shows
// hh:mm; a time already passed today means tomorrow.
func (c Calendar) Until(now Minutes, hh, mm int) Minutes {
	t := c.At(now)
	target := time.Date(t.Year(), t.Month(), t.Day(), hh, mm, 0, 0, time.UTC)
	if !target.After(t) {
		target = target.AddDate(0, 0, 1)
	}
	return Minutes(target.Sub(t) / time.Minute)
}

// HourOf returns the hour of the day (0-23) at a simulated point.
func (c Calendar) HourOf(m Minutes) int { return c.At(m).Hour() }

// ParseClock reads "HH:MM".
func ParseClock(s string) (hh, mm int, err error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, 0, usage("clock.bad", Str("value", s))
	}
	return t.Hour(), t.Minute(), nil
}

// ParseDate reads a scenario start date "YYYY-MM-DD" or "YYYY-MM-DD HH:MM".
func ParseDate(s string) (time.Time, error) {
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("date %q: want YYYY-MM-DD or YYYY-MM-DD HH:MM", s)
}

// Compact formats a span the way ParseDuration reads it, e.g. "3d4h".
func (m Minutes) Compact() string { return strings.ReplaceAll(m.String(), " ", "") }
