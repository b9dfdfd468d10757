package lib










	"github.com/checkpoint-restore/go-criu/v8/stats"
