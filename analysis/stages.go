package analysis

import (
	"fmt"

	"github.com/chronicle/chronicle/entity"
	"github.com/chronicle/chronicle/event"
	"github.com/chronicle/chronicle/quote"
	"github.com/chronicle/chronicle/timex"
)

// laterStages builds the stages that follow segmentation, in the order
// the architecture fixes: entity → timex → quote → event.
func laterStages() ([]Stage, error) {
	ent, err := entity.New()
	if err != nil {
		return nil, fmt.Errorf("entity stage: %w", err)
	}
	tx, err := timex.New()
	if err != nil {
		return nil, fmt.Errorf("timex stage: %w", err)
	}
	qt, err := quote.New()
	if err != nil {
		return nil, fmt.Errorf("quote stage: %w", err)
	}
	ev, err := event.New()
	if err != nil {
		return nil, fmt.Errorf("event stage: %w", err)
	}
	return []Stage{ent, tx, qt, ev}, nil
}
