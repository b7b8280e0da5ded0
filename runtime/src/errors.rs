//! Python exceptions: exception objects, the pending-exception state that
//! generated code polls through `bodo_err_flag`, and the report printed when
//! an exception escapes the program.
//!
//! Runtime modules return [`PyResult`]; only the C ABI layer turns an `Err`
//! into the pending exception (see [`Dummy`]), so the modules stay plain Rust.

use crate::object::{alloc_obj, dealloc_obj, decref, descs, incref, ExcArgs, ExcObj, Header, StrObj};
use bodo_abi::exc;
use std::cell::Cell;
use std::ptr;

/// An exception that has not been materialised as an object yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PyErr {
    pub class: i64,
    pub msg: String,
}

impl PyErr {
    pub fn new(class: i64, msg: impl Into<String>) -> Self {
        PyErr { class, msg: msg.into() }
    }
}

pub type PyResult<T> = Result<T, PyErr>;

/// The value a failing ABI function returns next to the pending exception.
pub trait Dummy {
    fn dummy() -> Self;
}

macro_rules! zero_dummy {
    ($($t:ty),*) => {$(impl Dummy for $t { fn dummy() -> Self { Default::default() } })*};
}
zero_dummy!(i8, i64, u64, f64, ());

impl<T> Dummy for *mut T {
    fn dummy() -> Self {
        ptr::null_mut()
    }
}

/// Unwraps a result for the C ABI: on error, sets the pending exception and
/// returns the dummy value generated code ignores after testing the flag.
pub fn check<T: Dummy>(r: PyResult<T>) -> T {
    r.unwrap_or_else(|e| {
        raise(e);
        T::dummy()
    })
}

thread_local! {
    /// The pending exception (owned), or null.
    static PENDING: Cell<*mut ExcObj> = const { Cell::new(ptr::null_mut()) };
}

fn set_flag(on: bool) {
    // SAFETY: the flag is a plain byte only ever touched by the (single)
    // program thread; generated code reads it after each call.
    unsafe { ptr::addr_of_mut!(crate::abi::bodo_err_flag).write_volatile(on as u8) };
}

/// Creates an exception object; takes ownership of `msg` (null = made
/// without arguments). A KeyError's message is its key's repr.
pub fn new_exc(class: i64, msg: *mut StrObj) -> *mut ExcObj {
    let args = match () {
        _ if msg.is_null() => ExcArgs::Empty,
        _ if class == exc::KEY_ERROR => ExcArgs::Repr,
        _ => ExcArgs::Str,
    };
    let msg = if msg.is_null() { crate::str::new_str("") } else { msg };
    let p = alloc_obj(size_of::<ExcObj>(), &descs::EXC) as *mut ExcObj;
    // SAFETY: freshly allocated with room for an ExcObj.
    unsafe {
        (*p).class = class;
        (*p).msg = msg;
        (*p).line = 0;
        (*p).args = args;
    }
    p
}

/// # Safety
/// `p` is an exception object whose count reached zero.
pub unsafe fn free_exc(p: *mut ExcObj) {
    decref((*p).msg as *mut Header);
    dealloc_obj(p as *mut Header, size_of::<ExcObj>());
}

/// The runtime's own messages as a new str; empty ones mean no arguments,
/// as in a bare `ZeroDivisionError()`.
fn message(msg: &str) -> *mut StrObj {
    if msg.is_empty() {
        std::ptr::null_mut()
    } else {
        crate::str::new_str(msg)
    }
}

/// Makes `e` the pending exception, replacing (and releasing) any other.
pub fn raise(e: PyErr) {
    raise_owned(new_exc(e.class, message(&e.msg)));
}

/// Makes an exception object (ownership transferred) the pending one.
pub fn raise_owned(e: *mut ExcObj) {
    let old = PENDING.with(|p| p.replace(e));
    // SAFETY: the previous pending exception was owned by this state.
    unsafe { decref(old as *mut Header) };
    set_flag(true);
}

/// Re-raises an existing exception object (borrowed).
///
/// # Safety
/// `e` is a live exception object.
pub unsafe fn raise_borrowed(e: *mut ExcObj) {
    incref(e as *mut Header);
    raise_owned(e);
}

/// Records the line where the pending exception passed first.
pub fn set_line(line: i64) {
    let e = PENDING.with(Cell::get);
    // SAFETY: a non-null pending exception is a live object.
    unsafe {
        if !e.is_null() && (*e).line == 0 {
            (*e).line = line;
        }
    }
}

/// Serialises tests that raise: the exported flag is process-wide while
/// tests run on parallel threads.
#[cfg(test)]
pub static TEST_FLAG_LOCK: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(test)]
fn is_pending() -> bool {
    !PENDING.with(Cell::get).is_null()
}

/// Whether the pending exception is `class` or one of its subclasses.
pub fn matches(class: i64) -> bool {
    let e = PENDING.with(Cell::get);
    // SAFETY: a non-null pending exception is a live object.
    !e.is_null() && bodo_abi::exc_is_subclass(unsafe { (*e).class }, class)
}

/// The pending exception's class, line and message, if one is pending.
pub fn pending_parts() -> Option<(i64, i64, String)> {
    let e = PENDING.with(Cell::get);
    // SAFETY: a non-null pending exception is a live object.
    (!e.is_null()).then(|| unsafe { ((*e).class, (*e).line, crate::str::as_str((*e).msg).to_string()) })
}

/// Makes `class(msg)`, first seen at `line`, the pending exception.
pub fn raise_at(class: i64, line: i64, msg: &str) {
    let e = new_exc(class, message(msg));
    // SAFETY: freshly made.
    unsafe { (*e).line = line };
    raise_owned(e);
}

/// Takes the pending exception (owned by the caller; null if none).
pub fn fetch() -> *mut ExcObj {
    let e = PENDING.with(|p| p.replace(ptr::null_mut()));
    set_flag(false);
    e
}

/// Python name of an exception class; unknown ids read as `Exception`.
pub fn class_name(class: i64) -> &'static str {
    bodo_abi::exc_by_id(class).map_or("Exception", |c| c.name)
}

/// `str(e)`: the message (a KeyError's message already is `repr(key)`).
///
/// # Safety
/// `e` is a live exception object.
pub unsafe fn exc_str(e: *const ExcObj) -> String {
    crate::str::as_str((*e).msg).to_owned()
}

/// `repr(e)`: the class name and the arguments' reprs, `ValueError('msg')`,
/// `ValueError(3)`, `ValueError()`.
///
/// # Safety
/// `e` is a live exception object.
pub unsafe fn exc_repr(e: *const ExcObj) -> String {
    let msg = crate::str::as_str((*e).msg);
    let name = class_name((*e).class);
    match (*e).args {
        ExcArgs::Empty => format!("{name}()"),
        ExcArgs::Str => format!("{name}({})", crate::format::str_repr(msg)),
        ExcArgs::Repr => format!("{name}({msg})"),
        ExcArgs::Several => format!("{name}{msg}"),
    }
}

/// What ending the program for an escaped exception prints to stderr (if
/// anything) and the exit status.
#[derive(Debug, PartialEq, Eq)]
pub struct Escape {
    pub report: Option<String>,
    pub status: i32,
}

/// The outcome of an exception escaping the program: the report
/// `FILE:LINE: Name: message` with status 1, except that `SystemExit`
/// behaves as in CPython (no message or an integer message: silent exit
/// with that status; any other message: printed alone, status 1).
pub fn escaped(script: &str) -> Escape {
    let e = PENDING.with(Cell::get);
    if e.is_null() {
        let report = format!("{script}: error reported without a pending exception");
        return Escape { report: Some(report), status: 1 };
    }
    // SAFETY: the pending exception is live.
    let (class, msg, line) = unsafe { ((*e).class, exc_str(e), (*e).line) };
    if class == exc::SYSTEM_EXIT {
        let code = if msg.is_empty() || msg == "None" { Some(0) } else { msg.trim().parse::<i32>().ok() };
        return match code {
            Some(status) => Escape { report: None, status },
            None => Escape { report: Some(msg), status: 1 },
        };
    }
    Escape { report: Some(report_line(script, line, class_name(class), &msg)), status: 1 }
}

fn report_line(script: &str, line: i64, name: &str, msg: &str) -> String {
    let text = if msg.is_empty() { name.to_string() } else { format!("{name}: {msg}") };
    if line > 0 {
        format!("{script}:{line}: {text}")
    } else {
        format!("{script}: {text}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raise_match_fetch() {
        let _serial = crate::errors::TEST_FLAG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        raise(PyErr::new(exc::KEY_ERROR, "'a'"));
        set_line(7);
        set_line(9);
        assert!(is_pending());
        assert!(matches(exc::LOOKUP_ERROR));
        assert!(!matches(exc::VALUE_ERROR));
        assert_eq!(escaped("p.py").report.unwrap(), "p.py:7: KeyError: 'a'");
        let e = fetch();
        assert!(!is_pending());
        unsafe {
            assert_eq!(exc_str(e), "'a'");
            assert_eq!(exc_repr(e), "KeyError('a')");
            decref(e as *mut Header);
        }
    }

    #[test]
    fn reraise_keeps_first_line() {
        let _serial = TEST_FLAG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        raise(PyErr::new(exc::VALUE_ERROR, "bad"));
        set_line(4);
        let e = fetch();
        unsafe {
            raise_borrowed(e);
            decref(e as *mut Header);
        }
        set_line(10);
        assert_eq!(escaped("r.py").report.unwrap(), "r.py:4: ValueError: bad");
        unsafe { decref(fetch() as *mut Header) };
    }

    #[test]
    fn empty_message_report() {
        let _serial = crate::errors::TEST_FLAG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        raise(PyErr::new(exc::ZERO_DIVISION_ERROR, ""));
        assert_eq!(escaped("x.py").report.unwrap(), "x.py: ZeroDivisionError");
        let e = fetch();
        unsafe {
            assert_eq!(exc_repr(e), "ZeroDivisionError()");
            decref(e as *mut Header);
        }
    }

    #[test]
    fn system_exit() {
        let _serial = crate::errors::TEST_FLAG_LOCK.lock().unwrap_or_else(|e| e.into_inner());
        for (msg, want) in [
            ("", Escape { report: None, status: 0 }),
            ("3", Escape { report: None, status: 3 }),
            ("bye", Escape { report: Some("bye".into()), status: 1 }),
        ] {
            raise(PyErr::new(exc::SYSTEM_EXIT, msg));
            assert_eq!(escaped("s.py"), want);
            unsafe { decref(fetch() as *mut Header) };
        }
    }
}
