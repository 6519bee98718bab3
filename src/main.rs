//! The browser app's entry point; everything is in the library.

fn main() {
    ziping_app::run();
}
