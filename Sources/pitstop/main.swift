print("pitstop")
