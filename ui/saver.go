package ui

import (
	"sync"
)

// saver writes saves off the window's loop. Each write replaces any write
// of the same name still waiting, so a burst of changes costs one write; the
// store's own writes are crash-safe. Errors come back to the loop through
// errs.
type saver struct {
	store Store

	mu      sync.Mutex
	pending map[string][]byte
	order   []string
	wake    chan struct{}
	idle    *sync.Cond
	writing bool
	errs    []error
	warned  map[string]bool // warnings already reported, by text
	closed  bool
	done    chan struct{}
}

func newSaver(store Store) *saver {
	s := &saver{store: store, pending: map[string][]byte{}, wake: make(chan struct{}, 1), done: make(chan struct{}), warned: map[string]bool{}}
	s.idle = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

// put queues data to be written under name.
func (s *saver) put(name string, data []byte) {
	s.mu.Lock()
	if _, ok := s.pending[name]; !ok {
		s.order = append(s.order, name)
	}
	s.pending[name] = data
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *saver) loop() {
	defer close(s.done)
	for {
		s.mu.Lock()
		for len(s.order) == 0 {
			s.writing = false
			s.idle.Broadcast()
			if s.closed {
				s.mu.Unlock()
				return
			}
			s.mu.Unlock()
			<-s.wake
			s.mu.Lock()
		}
		name := s.order[0]
		s.order = s.order[1:]
		data := s.pending[name]
		delete(s.pending, name)
		s.writing = true
		s.mu.Unlock()
		warn, err := s.store.Write(name, data)
		s.mu.Lock()
		if err != nil {
			s.errs = append(s.errs, err)
		}
		if warn != nil && !s.warned[warn.Error()] {
			// The same warning (a newer version's save left untouched)
			// would come with every write: it is told once.
			s.warned[warn.Error()] = true
			s.errs = append(s.errs, warn)
		}
		s.mu.Unlock()
	}
}

// takeErrors returns the errors and warnings of the writes done since the
// last call.
func (s *saver) takeErrors() []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	errs := s.errs
	s.errs = nil
	return errs
}

// flush waits until every queued write is done.
func (s *saver) flush() {
	s.mu.Lock()
	for len(s.order) > 0 || s.writing {
		s.idle.Wait()
	}
	s.mu.Unlock()
}

// close flushes and stops the saver.
func (s *saver) close() {
	s.mu.Lock()
	s.closed = true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
	<-s.done
}
