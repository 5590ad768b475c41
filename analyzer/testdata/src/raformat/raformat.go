package raformat // want package:"holds error helpers or types"

// Retry-After values that are not whole seconds, through every setter, and
// the values that are fine.

import (
	"fmt"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

const retryWait = "30s"

func constants(w http.ResponseWriter) { // want constants:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", "30s")                           // want `retry-after-format: Retry-After is set to "30s", not a whole number of seconds`
	w.Header().Add("retry-after", "1.5")                           // want `retry-after-format: Retry-After is set to "1\.5", not a whole number of seconds`
	w.Header().Set("Retry-After", "Wed, 21 Oct 2015 07:28:00 GMT") // want `retry-after-format: Retry-After is set to "Wed, 21 Oct 2015 07:28:00 GMT" \(an HTTP date\), not a whole number of seconds`
	w.Header().Set("Retry-After", retryWait)                       // want `retry-after-format: Retry-After is set to "30s", not a whole number of seconds`
	w.Header()["Retry-After"] = []string{"2m"}                     // want `retry-after-format: Retry-After is set to "2m", not a whole number of seconds`
	w.WriteHeader(http.StatusTooManyRequests)
}

func computed(w http.ResponseWriter, d time.Duration, at time.Time, secs float64, n int) { // want computed:`helper\(retryafter\(some paths\)\)`
	h := w.Header()
	switch n {
	case 0:
		h.Set("Retry-After", d.String()) // want `retry-after-format: Retry-After is set to a time\.Duration's String \("1m0s"\), not a whole number of seconds`
	case 1:
		h.Set("Retry-After", fmt.Sprintf("%v", d)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%v"\) of a time\.Duration \("1m0s"\), not a whole number of seconds`
	case 2:
		h.Set("Retry-After", fmt.Sprint(d)) // want `retry-after-format: Retry-After is set to fmt\.Sprint of a time\.Duration \("1m0s"\), not a whole number of seconds`
	case 3:
		h.Set("Retry-After", at.Format(http.TimeFormat)) // want `retry-after-format: Retry-After is set to a formatted time \(an HTTP date\), not a whole number of seconds`
	case 4:
		h.Set("Retry-After", strconv.FormatFloat(secs, 'f', -1, 64)) // want `retry-after-format: Retry-After is set to strconv\.FormatFloat\(\.\.\., 'f', -1, \.\.\.\) of the seconds, which keeps a fraction, not a whole number of seconds`
	case 5:
		h.Set("Retry-After", fmt.Sprintf("%f", secs)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%f"\) of a float, which keeps a fraction, not a whole number of seconds`
	case 6:
		h.Set("Retry-After", fmt.Sprintf("%ds", n)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%ds", \.\.\.\), which adds text around the number, not a whole number of seconds`
	case 7:
		wait := d.String()
		h.Set("Retry-After", wait) // want `retry-after-format: Retry-After is set to a time\.Duration's String \("1m0s"\), not a whole number of seconds`
		// Through three variables, the most the analysis follows.
		w1 := d.String()
		w2 := w1
		w3 := w2
		h.Set("Retry-After", w3) // want `retry-after-format: Retry-After is set to a time\.Duration's String \("1m0s"\), not a whole number of seconds`
	case 8:
		h.Set("Retry-After", strconv.Itoa(int(d))) // want `retry-after-format: Retry-After is set to strconv\.Itoa of a time\.Duration converted to an integer \(nanoseconds\), not a whole number of seconds`
	case 9:
		h.Set("Retry-After", strconv.FormatInt(int64(time.Until(at)), 10)) // want `retry-after-format: Retry-After is set to strconv\.FormatInt of a time\.Duration converted to an integer \(nanoseconds\), not a whole number of seconds`
	case 10:
		h.Set("Retry-After", fmt.Sprintf("%d", d)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%d"\) of a time\.Duration, which prints nanoseconds, not a whole number of seconds`
	}
}

// A second of each kind: durations printed, floats that keep a fraction,
// text around the number, nanoseconds, dates.
type limits struct{ Wait time.Duration }

func computedMore(w http.ResponseWriter, l limits, d time.Duration, since time.Time, secs float64, n int) { // want computedMore:`helper\(retryafter\(some paths\)\)`
	h := w.Header()
	switch n {
	case 0:
		h.Set("Retry-After", l.Wait.String()) // want `retry-after-format: Retry-After is set to a time\.Duration's String \("1m0s"\), not a whole number of seconds`
	case 1:
		h.Set("Retry-After", (d * 2).String()) // want `retry-after-format: Retry-After is set to a time\.Duration's String \("1m0s"\), not a whole number of seconds`
	case 2:
		h.Set("Retry-After", fmt.Sprintln(d)) // want `retry-after-format: Retry-After is set to fmt\.Sprintln of a time\.Duration \("1m0s"\), not a whole number of seconds`
	case 3:
		h.Set("Retry-After", fmt.Sprintf("%s", l.Wait)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%s"\) of a time\.Duration \("1m0s"\), not a whole number of seconds`
	case 4:
		h.Set("Retry-After", fmt.Sprintf("%.1f", secs)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%\.1f"\) of a float, which keeps a fraction, not a whole number of seconds`
	case 5:
		h.Set("Retry-After", fmt.Sprintf("%g", secs)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%g"\) of a float that is not rounded, not a whole number of seconds`
	case 6:
		h.Set("Retry-After", fmt.Sprintf("%v", secs)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%v"\) of a float that is not rounded, not a whole number of seconds`
	case 7:
		h.Set("Retry-After", fmt.Sprintf("%d sec", n)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%d sec", \.\.\.\), which adds text around the number, not a whole number of seconds`
	case 8:
		h.Set("Retry-After", fmt.Sprintf("%d%%", n)) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%d%%", \.\.\.\), which adds text around the number, not a whole number of seconds`
	case 9:
		h.Set("Retry-After", strconv.FormatFloat(secs, 'g', -1, 64)) // want `retry-after-format: Retry-After is set to strconv\.FormatFloat\(\.\.\., 'g', -1, \.\.\.\) of the seconds, which keeps a fraction, not a whole number of seconds`
	case 10:
		h.Set("Retry-After", strconv.FormatFloat(math.Ceil(secs), 'e', 0, 64)) // want `retry-after-format: Retry-After is set to strconv\.FormatFloat\(\.\.\., 'e', 0, \.\.\.\) of the seconds, which keeps a fraction, not a whole number of seconds`
	case 11:
		h.Set("Retry-After", time.Now().Add(d).Format(time.RFC1123)) // want `retry-after-format: Retry-After is set to a formatted time \(an HTTP date\), not a whole number of seconds`
	case 12:
		h.Set("Retry-After", "Thu, 01 Jan 2026 00:00:00 GMT") // want `retry-after-format: Retry-After is set to "Thu, 01 Jan 2026 00:00:00 GMT" \(an HTTP date\), not a whole number of seconds`
	case 13:
		h.Set("Retry-After", strconv.FormatUint(uint64(d), 10)) // want `retry-after-format: Retry-After is set to strconv\.FormatUint of a time\.Duration converted to an integer \(nanoseconds\), not a whole number of seconds`
	case 14:
		h.Set("Retry-After", fmt.Sprintf("%d", time.Since(since))) // want `retry-after-format: Retry-After is set to fmt\.Sprintf\("%d"\) of a time\.Duration, which prints nanoseconds, not a whole number of seconds`
	case 15:
		h.Set("Retry-After", "-1") // want `retry-after-format: Retry-After is set to "-1", not a whole number of seconds`
	case 16:
		h.Set("Retry-After", "") // want `retry-after-format: Retry-After is set to "", not a whole number of seconds`
	case 17:
		h.Set("Retry-After", "3 0") // want `retry-after-format: Retry-After is set to "3 0", not a whole number of seconds`
	}
}

// Fine as well: arithmetic on a duration, integers, a float rounded first.
func fineMore(w http.ResponseWriter, d time.Duration, secs float64, n int) { // want fineMore:`helper\(retryafter\(some paths\)\)`
	h := w.Header()
	switch n {
	case 0:
		h.Set("Retry-After", fmt.Sprintf("%d", d/time.Second))
	case 1:
		h.Set("Retry-After", fmt.Sprintf("%v", n))
	case 2:
		h.Set("Retry-After", fmt.Sprint(n))
	case 3:
		rounded := math.Round(secs)
		h.Set("Retry-After", fmt.Sprintf("%g", rounded))
	case 4:
		h.Set("Retry-After", strconv.FormatFloat(math.Trunc(secs), 'g', -1, 64))
	case 5:
		h.Set("Retry-After", strconv.Itoa(int(d/time.Second)))
	case 6:
		h.Set("Retry-After", fmt.Sprintf("%03d", n))
	case 7:
		h.Set("Retry-After", " 30\t") // spaces around a value are not part of it
	case 8:
		h.Set("Retry-After", fmt.Sprintf("%d")) // a verb without its argument: go vet's printf check reports it
	case 9:
		// Through more variables than the analysis follows (three).
		w1 := d.String()
		w2 := w1
		w3 := w2
		w4 := w3
		h.Set("Retry-After", w4)
	case 10:
		h.Set("Retry-After", "90")
	}
}

// Frameworks' setters.
func frameworks(c *gin.Context, f *fiber.Ctx, d time.Duration) { // want frameworks:`helper\(retryafter\)`
	c.Header("Retry-After", "30s")                // want `retry-after-format: Retry-After is set to "30s", not a whole number of seconds`
	f.Set("Retry-After", d.String())              // want `retry-after-format: Retry-After is set to a time\.Duration's String \("1m0s"\), not a whole number of seconds`
	f.Append(fiber.HeaderRetryAfter, "1m")        // want `retry-after-format: Retry-After is set to "1m", not a whole number of seconds`
	f.Response().Header.Set("Retry-After", "0.5") // want `retry-after-format: Retry-After is set to "0\.5", not a whole number of seconds`
}

// Helpers: the value a helper sets Retry-After to, and a helper handed the
// header's name and value, are checked where they are called.
func setRetryAfter(w http.ResponseWriter, v string) { // want setRetryAfter:`helper\(retryaftervalue=1 retryafter\)`
	w.Header().Set("Retry-After", v)
}

// setRetryAfterFirst takes the value first.
func setRetryAfterFirst(v string, w http.ResponseWriter) { // want setRetryAfterFirst:`helper\(retryaftervalue=0 retryafter\)`
	w.Header().Set("Retry-After", v)
}

func setHeader(w http.ResponseWriter, key, value string) { // want setHeader:`helper\(headerkey=1 headervalue=2\)`
	w.Header().Set(key, value)
}

func viaHelpers(w http.ResponseWriter) { // want viaHelpers:`helper\(writes retryafter\)`
	setRetryAfter(w, "45")
	setRetryAfter(w, "1m")             // want `retry-after-format: Retry-After is set to "1m", not a whole number of seconds`
	setHeader(w, "Retry-After", "2.5") // want `retry-after-format: Retry-After is set to "2\.5", not a whole number of seconds`
	setHeader(w, "X-Wait", "2.5")
	setRetryAfterFirst("1m", w) // want `retry-after-format: Retry-After is set to "1m", not a whole number of seconds`
	setRetryAfterFirst("0s", w) // want `retry-after-format: Retry-After is set to "0s", not a whole number of seconds`
	w.WriteHeader(http.StatusTooManyRequests)
}

// Fine: whole seconds, and what the analysis cannot know.
func fine(w http.ResponseWriter, r *http.Request, d time.Duration, secs float64, n int, v string) { // want fine:`helper\(retryaftervalue=5 retryafter\(some paths\)\)`
	h := w.Header()
	switch n {
	case 0:
		h.Set("Retry-After", "30")
	case 1:
		h.Set("Retry-After", strconv.Itoa(n))
	case 2:
		h.Set("Retry-After", strconv.FormatInt(int64(d/time.Second), 10))
	case 3:
		h.Set("Retry-After", strconv.Itoa(int(d.Seconds())))
	case 4:
		h.Set("Retry-After", fmt.Sprintf("%d", n))
	case 5:
		h.Set("Retry-After", fmt.Sprintf("%.0f", math.Ceil(secs)))
	case 6:
		h.Set("Retry-After", strconv.FormatFloat(math.Ceil(secs), 'f', -1, 64))
	case 7:
		h.Set("Retry-After", strconv.FormatFloat(secs, 'f', 0, 64))
	case 8:
		h.Set("Retry-After", v) // unknown
	case 9:
		h.Set("Retry-After", fmt.Sprintf("%.0f", secs))
	case 10:
		h.Set("Retry-After", strconv.Itoa(int(d/time.Second)))
	case 11:
		h.Set("Retry-After", fmt.Sprintf("%d", int(time.Until(time.Now()).Seconds())))
	}
	h.Set("X-Retry-After-Human", "30s") // another header
	r.Header.Set("Retry-After", "30s")  // a request header: client code
}
