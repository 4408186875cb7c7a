package room

import (
	"sync"
	"time"
)

// bucket is a token bucket: it holds up to burst tokens and gains rate a
// second.
type bucket struct {
	tokens, rate, burst float64
	last                time.Time
}

func newBucket(rate, burst float64, now time.Time) *bucket {
	return &bucket{tokens: burst, rate: rate, burst: burst, last: now}
}

// take spends a token, and reports false when there is none.
func (b *bucket) take(now time.Time) bool {
	if d := now.Sub(b.last).Seconds(); d > 0 {
		b.tokens = min(b.burst, b.tokens+d*b.rate)
	}
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// limiter keeps a bucket per key (a network address). Its methods may be
// called from any goroutine.
type limiter struct {
	rate, burst float64
	now         func() time.Time

	mu sync.Mutex
	m  map[string]*bucket
}

// maxKeys bounds the addresses a limiter remembers; full buckets are
// forgotten first.
const maxKeys = 4096

func newLimiter(rate, burst float64, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: burst, now: now, m: map[string]*bucket{}}
}

// allow spends a token of key's bucket and reports whether there was one.
func (l *limiter) allow(key string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b := l.m[key]
	if b == nil {
		if len(l.m) >= maxKeys {
			l.prune(now)
		}
		b = newBucket(l.rate, l.burst, now)
		l.m[key] = b
	}
	return b.take(now)
}

// prune forgets the buckets that have refilled, or all of them when none
// has (a flood of addresses). The caller holds l.mu.
func (l *limiter) prune(now time.Time) {
	for k, b := range l.m {
		if b.tokens+now.Sub(b.last).Seconds()*l.rate >= l.burst {
			delete(l.m, k)
		}
	}
	if len(l.m) >= maxKeys {
		clear(l.m)
	}
}
