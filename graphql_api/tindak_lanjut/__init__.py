"""What follows an appraisal (tindak lanjut): per employee, unit and tenant; succession lists."""
