import GaizaoCore; print("bench")
