package analysis

// laterStages builds the stages that follow segmentation, in the order
// the architecture fixes: entity → timex → quote → event.
func laterStages() ([]Stage, error) {
	return nil, nil
}
