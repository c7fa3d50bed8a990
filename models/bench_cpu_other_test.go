//go:build !unix

package models_test

import "time"

// processCPU is 0 where the process's processor time is not read: the
// benchmarks then report none.
func processCPU() time.Duration { return 0 }
