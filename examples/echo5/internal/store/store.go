// Package store is the persistence layer. This in-memory implementation is
// used in development and by the integration tests.
package store

import (
	"context"
	"errors"
	"strings"
	"sync"
	"time"
)

var (
	ErrNotFound  = errors.New("store: not found")
	ErrDuplicate = errors.New("store: duplicate key")
	ErrLocked    = errors.New("store: row locked")
)

type Project struct {
	ID        string    `json:"id"`
	Slug      string    `json:"slug"`
	Name      string    `json:"name"`
	OwnerID   string    `json:"owner_id"`
	Archived  bool      `json:"archived"`
	CreatedAt time.Time `json:"created_at"`
}

type Member struct {
	ProjectID string `json:"project_id"`
	UserID    string `json:"user_id"`
	Role      string `json:"role"`
}

type User struct {
	ID       string `json:"id"`
	Disabled bool   `json:"disabled"`
	Admin    bool   `json:"admin"`
}

// Memory is a Store backed by maps.
type Memory struct {
	mu       sync.RWMutex
	projects map[string]Project
	members  map[string][]Member
	users    map[string]User
	sessions map[string]Session
	seats    int
}

// Session is an authenticated browser or API-key session.
type Session struct {
	Token, UserID string
	ExpiresAt     time.Time
}

func NewMemory() *Memory {
	return &Memory{
		projects: make(map[string]Project),
		members:  make(map[string][]Member),
		users:    make(map[string]User),
		sessions: make(map[string]Session),
		seats:    25,
	}
}

func (m *Memory) Project(_ context.Context, id string) (Project, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	p, ok := m.projects[id]
	if !ok {
		return Project{}, ErrNotFound
	}
	return p, nil
}

func (m *Memory) Projects(_ context.Context, owner string) ([]Project, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []Project
	for _, p := range m.projects {
		if p.OwnerID == owner {
			out = append(out, p)
		}
	}
	return out, nil
}

func (m *Memory) CreateProject(_ context.Context, p Project) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, q := range m.projects {
		if strings.EqualFold(q.Slug, p.Slug) {
			return ErrDuplicate
		}
	}
	m.projects[p.ID] = p
	return nil
}

func (m *Memory) ArchiveProject(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	p, ok := m.projects[id]
	if !ok {
		return ErrNotFound
	}
	p.Archived = true
	m.projects[id] = p
	return nil
}

func (m *Memory) Members(_ context.Context, projectID string) ([]Member, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return append([]Member(nil), m.members[projectID]...), nil
}

// AddMember adds a member; it reports false when the plan has no free seat.
func (m *Memory) AddMember(_ context.Context, mem Member) (bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	total := 0
	for _, ms := range m.members {
		total += len(ms)
	}
	if total >= m.seats {
		return false, nil
	}
	for _, x := range m.members[mem.ProjectID] {
		if x.UserID == mem.UserID {
			return true, ErrDuplicate
		}
	}
	m.members[mem.ProjectID] = append(m.members[mem.ProjectID], mem)
	return true, nil
}

func (m *Memory) Session(_ context.Context, token string) (Session, User, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	s, ok := m.sessions[token]
	if !ok {
		return Session{}, User{}, ErrNotFound
	}
	return s, m.users[s.UserID], nil
}

// LimiterStore is a fixed-window request counter keyed by client identifier,
// shared by the API replicas through the store.
type LimiterStore struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	counts map[string]int
	reset  time.Time
}

func NewLimiterStore(perWindow int, window time.Duration) *LimiterStore {
	return &LimiterStore{limit: perWindow, window: window, counts: make(map[string]int), reset: time.Now().Add(window)}
}

// Allow implements echo's middleware.RateLimiterStore.
func (s *LimiterStore) Allow(id string) (bool, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if now := time.Now(); now.After(s.reset) {
		s.counts = make(map[string]int)
		s.reset = now.Add(s.window)
	}
	s.counts[id]++
	return s.counts[id] <= s.limit, nil
}
