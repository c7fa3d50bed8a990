package jobs

import (
	"math/rand/v2"
	"time"
)

// The backoff between a job's failed attempts: BackoffBase after the
// first, four times longer after each one more (30 s, 2 min, 8 min,
// 32 min, 2 h 8 min...), at most BackoffMax.
const (
	BackoffBase = 30 * time.Second
	BackoffMax  = 6 * time.Hour
)

// Backoff is how long a job waits after its attempt-th failed attempt
// (from 1): the exponential step above with a jitter of up to a quarter
// of it either way, so that jobs that failed together (a host was down)
// do not all come back at the same moment ("Exponential Backoff And
// Jitter", AWS Architecture Blog, 2015), never more than BackoffMax.
func Backoff(attempt int) time.Duration {
	d := BackoffBase
	for i := 1; i < attempt && d < BackoffMax; i++ {
		d *= 4
	}
	d = min(d, BackoffMax)
	d += time.Duration(rand.Int64N(int64(d/2)+1)) - d/4
	return min(d, BackoffMax)
}
