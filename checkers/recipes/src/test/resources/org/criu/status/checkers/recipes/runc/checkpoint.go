package main



















	Name:  "checkpoint",
	Usage: "checkpoint a running container",
