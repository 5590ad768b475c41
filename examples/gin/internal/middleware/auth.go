package middleware

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/respond"
)

var (
	ErrMalformedToken = errors.New("auth: malformed token")
	ErrTokenExpired   = errors.New("auth: token expired")
	ErrBadSignature   = errors.New("auth: bad signature")
	ErrTokenRevoked   = errors.New("auth: token revoked")
)

// Claims is what a verified token carries.
type Claims struct {
	UserID string
	Role   string
	Expiry time.Time
}

// Tokens signs and verifies bearer tokens of the form
// "<user>.<role>.<unix-expiry>.<hex-hmac>".
type Tokens struct {
	Secret  []byte
	Revoked map[string]bool
}

func (t *Tokens) sign(payload string) string {
	mac := hmac.New(sha256.New, t.Secret)
	mac.Write([]byte(payload))
	return hex.EncodeToString(mac.Sum(nil))
}

// Issue returns a signed token for the user.
func (t *Tokens) Issue(userID, role string, ttl time.Duration) string {
	payload := userID + "." + role + "." + strconv.FormatInt(time.Now().Add(ttl).Unix(), 10)
	return payload + "." + t.sign(payload)
}

// Verify checks a token's signature, expiry and revocation.
func (t *Tokens) Verify(token string) (*Claims, error) {
	parts := strings.Split(token, ".")
	if len(parts) != 4 {
		return nil, ErrMalformedToken
	}
	payload := strings.Join(parts[:3], ".")
	if !hmac.Equal([]byte(t.sign(payload)), []byte(parts[3])) {
		return nil, ErrBadSignature
	}
	exp, err := strconv.ParseInt(parts[2], 10, 64)
	if err != nil {
		return nil, ErrMalformedToken
	}
	if time.Now().Unix() > exp {
		return nil, ErrTokenExpired
	}
	if t.Revoked[parts[3]] {
		return nil, ErrTokenRevoked
	}
	return &Claims{UserID: parts[0], Role: parts[1], Expiry: time.Unix(exp, 0)}, nil
}

const claimsKey = "auth.claims"

// ClaimsFrom returns the claims stored by Auth.
func ClaimsFrom(c *gin.Context) *Claims {
	v, ok := c.Get(claimsKey)
	if !ok {
		return nil
	}
	cl, _ := v.(*Claims)
	return cl
}

// Auth requires a valid bearer token.
func Auth(tokens *Tokens) gin.HandlerFunc {
	return func(c *gin.Context) {
		header := c.GetHeader("Authorization")
		if header == "" {
			c.AbortWithStatus(http.StatusUnauthorized)
			return
		}
		raw, ok := strings.CutPrefix(header, "Bearer ")
		if !ok {
			respond.Error(c, http.StatusUnauthorized, apierr.CodeUnauthorized, "authorization header must use the Bearer scheme")
			return
		}
		claims, err := tokens.Verify(raw)
		switch {
		case errors.Is(err, ErrTokenExpired):
			respond.Error(c, http.StatusUnauthorized, apierr.CodeSessionExpired, "session expired, please sign in again")
			return
		case errors.Is(err, ErrBadSignature):
			respond.Error(c, http.StatusForbidden, apierr.CodeInvalidSignature, "token signature is invalid")
			return
		case errors.Is(err, ErrTokenRevoked):
			c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"code": "TOKEN_REVOKED", "message": "token has been revoked"})
			return
		case err != nil:
			respond.Unauthorized(c, "invalid bearer token")
			return
		}
		c.Set(claimsKey, claims)
		c.Next()
	}
}

// RequireRole allows only callers with the given role.
func RequireRole(role string) gin.HandlerFunc {
	return func(c *gin.Context) {
		cl := ClaimsFrom(c)
		if cl == nil {
			respond.Unauthorized(c, "authentication required")
			return
		}
		if cl.Role != role {
			respond.Forbidden(c, "insufficient role")
			return
		}
		c.Next()
	}
}

// CSRF checks the double-submit cookie on state-changing browser requests.
func CSRF() gin.HandlerFunc {
	return func(c *gin.Context) {
		switch c.Request.Method {
		case http.MethodGet, http.MethodHead, http.MethodOptions:
			c.Next()
			return
		}
		cookie, err := c.Cookie("csrf_token")
		if err != nil {
			// API clients without a browser session skip CSRF.
			c.Next()
			return
		}
		if cookie == "" || c.GetHeader("X-CSRF-Token") != cookie {
			respond.Error(c, http.StatusForbidden, apierr.CodeCSRFFailed, "CSRF token missing or invalid")
			return
		}
		c.Next()
	}
}
