pub fn build_app() {}
