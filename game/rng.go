package game

import (
	"fmt"
	"math/rand/v2"

	"github.com/google/uuid"
)

// Rand is the session's only source of chance: a seeded PCG generator. It is
// also an io.Reader so that ids can be drawn from it.
type Rand struct {
	r *rand.Rand
}

// NewRand returns a generator seeded with seed.
func NewRand(seed uint64) *Rand {
	return &Rand{r: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// Between returns a span drawn uniformly from [lo, hi].
func (g *Rand) Between(lo, hi Minutes) Minutes {
	if hi <= lo {
		return lo
	}
	return lo + Minutes(g.r.Int64N(int64(hi-lo)+1))
}

// Chance reports true with probability p.
func (g *Rand) Chance(p float64) bool { return g.r.Float64() < p }

// Float returns a number in [0, 1); scripts' math.random uses it.
func (g *Rand) Float() float64 { return g.r.Float64() }

// Read fills b with pseudo-random bytes; it never fails.
func (g *Rand) Read(b []byte) (int, error) {
	for i := range b {
		b[i] = byte(g.r.Uint32())
	}
	return len(b), nil
}

// NewID returns a random (version 4) UUID drawn from the generator.
func (g *Rand) NewID() string {
	id, err := uuid.NewRandomFromReader(g)
	if err != nil {
		// Read never fails, so neither can this.
		panic(fmt.Sprintf("game: uuid from seeded reader: %v", err))
	}
	return id.String()
}

func sprintf(format string, args ...any) string { return fmt.Sprintf(format, args...) }
